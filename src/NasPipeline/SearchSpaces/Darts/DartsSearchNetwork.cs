using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// The DARTS search network (quark0/darts <c>cnn/model_search.py</c> <c>Network</c>): a 3×3 stem to 3C channels,
/// <c>layers</c> <see cref="SearchCell"/>s with reductions (channels doubled) at <c>layers // 3</c> and
/// <c>2 * layers // 3</c>, global average pooling and a linear classifier. All normal cells share α_normal
/// [14, 8], all reduction cells α_reduce; trainers decide how α becomes mixing weights, the network applies the
/// weights it is given. <c>inputChannels</c> (the reference's 3) lets 1×28×28 images in as well as 3×32×32.
/// </summary>
public sealed class DartsSearchNetwork : nn.Module<Tensor, Tensor>, ISupernet
{
    readonly nn.Module<Tensor, Tensor> stem;
    readonly ModuleList<SearchCell> cells;
    readonly nn.Module<Tensor, Tensor> pool, classifier;
    readonly Parameter alphaNormal, alphaReduce;

    public DartsSearchNetwork(int channels, int layers, int inputChannels, int classes)
        : base(nameof(DartsSearchNetwork))
    {
        (Channels, Layers, InputChannels, Classes) = (channels, layers, inputChannels, classes);
        var stemChannels = DartsSpace.StemMultiplier * channels;
        stem = new Stem(inputChannels, stemChannels);
        var (channelsPrevPrev, channelsPrev, current, reductionPrev) = (stemChannels, stemChannels, channels, false);
        var list = new List<SearchCell>();
        for (var layer = 0; layer < layers; layer++)
        {
            var reduction = DartsSpace.IsReduction(layer, layers);
            if (reduction) current *= 2;
            list.Add(new SearchCell(channelsPrevPrev, channelsPrev, current, reduction, reductionPrev));
            (channelsPrevPrev, channelsPrev) = (channelsPrev, DartsSpace.Multiplier * current);
            reductionPrev = reduction;
        }
        cells = nn.ModuleList(list.ToArray());
        pool = nn.AdaptiveAvgPool2d(1);
        classifier = nn.Linear(channelsPrev, classes);
        // As the reference: 1e-3 · N(0, 1), so the first softmax is almost uniform.
        alphaNormal = new Parameter(randn(DartsSpace.EdgeCount, DartsSpace.OperationCount).mul_(1e-3));
        alphaReduce = new Parameter(randn(DartsSpace.EdgeCount, DartsSpace.OperationCount).mul_(1e-3));
        RegisterComponents();
    }

    public int Channels { get; }
    public int Layers { get; }
    public int InputChannels { get; }
    public int Classes { get; }

    /// <summary>α of the normal cells, [14 edges, 8 ops] in <see cref="DartsSpace"/> orders.</summary>
    public Parameter AlphaNormal => alphaNormal;

    /// <summary>α of the reduction cells, [14 edges, 8 ops].</summary>
    public Parameter AlphaReduce => alphaReduce;

    /// <summary>Everything but the two α: the operation weights a weight optimiser trains.</summary>
    public IEnumerable<Parameter> WeightParameters() => named_parameters()
        .Where(p => p.name != nameof(alphaNormal) && p.name != nameof(alphaReduce)).Select(p => p.parameter);

    /// <summary>The cells in network order.</summary>
    public IReadOnlyList<SearchCell> Cells => cells.ToList();

    public ISearchSpace Space => DartsSearchSpace.Instance;

    nn.Module<Tensor, Tensor> ISupernet.Module => this;

    public IReadOnlyList<Parameter> Alphas => [alphaNormal, alphaReduce];

    /// <inheritdoc cref="ISupernet.FixedOps"/>
    public int[][]? FixedOps { get; set; }

    /// <summary>The reference's forward: softmax over each edge's α; every op module is called.</summary>
    public override Tensor forward(Tensor input) =>
        Forward(input, Mixing.Of(((ISupernet)this).SoftmaxWeights()), fuse: false);

    /// <summary>
    /// Runs the network with explicit mixing weights [14, 8] for the normal and the reduction cells and, for
    /// methods that sample one architecture, the one operation per edge that is computed.
    /// </summary>
    public Tensor Forward(Tensor input, Tensor normalWeights, Tensor reduceWeights,
        IReadOnlyList<int>? normalActive = null, IReadOnlyList<int>? reduceActive = null) =>
        Forward(input, new Mixing([new CellMixing(normalWeights, normalActive?.ToArray()),
            new CellMixing(reduceWeights, reduceActive?.ToArray())]));

    /// <summary>
    /// Runs the network under <paramref name="mixing"/> (normal, reduce). <paramref name="fuse"/> is ignored: every
    /// op module is always called (DARTS cells have no fused path).
    /// </summary>
    public Tensor Forward(Tensor input, Mixing mixing, bool fuse = true)
    {
        if (mixing.Cells.Count != 2)
            throw new ArgumentException(
                $"DARTS has two cell types (normal, reduce), got a mixing of {mixing.Cells.Count}", nameof(mixing));
        if (FixedOps is { } fixedOps) mixing = mixing.Fix(fixedOps);
        var (normal, reduce) = (mixing[0], mixing[1]);
        var s0 = stem.call(input);
        var s1 = s0;
        foreach (var cell in cells)
            (s0, s1) = (s1, cell.Reduction
                ? cell.Forward(s0, s1, reduce.Weights, reduce.Active)
                : cell.Forward(s0, s1, normal.Weights, normal.Active));
        return classifier.call(pool.call(s1).flatten(1));
    }

    /// <summary>
    /// One uniformly random DARTS cell per cell type (two distinct inputs per node, any of the 8 ops on each, as
    /// RSWS samples in the DARTS space), drawn from torch's <paramref name="generator"/>. Dropped edges run
    /// <c>none</c> alone (weight 1 on zero): the node sums its two kept edges.
    /// </summary>
    public Mixing SampleArchitecture(Generator? generator = null)
    {
        var none = DartsSpace.OperationIndex("none");
        var rows = new int[2][];
        for (var c = 0; c < 2; c++)
        {
            rows[c] = Enumerable.Repeat(none, DartsSpace.EdgeCount).ToArray();
            for (var node = 0; node < DartsSpace.Steps; node++)
            {
                using var inputs = randperm(2 + node, generator: generator);
                using var ops = randint(0, DartsSpace.OperationCount, [2], generator: generator);
                var (kept, op) = (inputs.data<long>().ToArray(), ops.data<long>().ToArray());
                for (var i = 0; i < 2; i++) rows[c][DartsSpace.FirstEdge(node) + (int)kept[i]] = (int)op[i];
            }
        }
        return Mixing.OneHot(Space, rows);
    }

    public IEnumerable<nn.Module> Operations(int cellType, int edge, int operation) =>
        cells.Where(cell => cell.Reduction == (cellType == 1))
            .Select(cell => (nn.Module)cell.Edges[edge].Operations[operation]);

    /// <summary>A float64 copy with the same parameters and buffers (for proxies that need double precision).</summary>
    public DartsSearchNetwork Float64Copy() =>
        SearchSpaces.Float64Copy.Of(this, () => new DartsSearchNetwork(Channels, Layers, InputChannels, Classes));

    ISupernet ISupernet.Float64Copy() => Float64Copy();

    /// <summary>DARTS's genotype of the current α (<see cref="GenotypeDerivation"/> of their softmax).</summary>
    public DartsGenotype Genotype()
    {
        using var _ = NewDisposeScope();
        return GenotypeDerivation.Derive(
            nn.functional.softmax(alphaNormal, -1), nn.functional.softmax(alphaReduce, -1));
    }
}
