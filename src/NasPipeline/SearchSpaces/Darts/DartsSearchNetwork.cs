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
public sealed class DartsSearchNetwork : nn.Module<Tensor, Tensor>
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

    /// <summary>The reference's forward: softmax over each edge's α.</summary>
    public override Tensor forward(Tensor input) =>
        Forward(input, nn.functional.softmax(alphaNormal, -1), nn.functional.softmax(alphaReduce, -1));

    /// <summary>
    /// Runs the network with explicit mixing weights [14, 8] for the normal and the reduction cells and, for
    /// methods that sample one architecture, the one operation per edge that is computed.
    /// </summary>
    public Tensor Forward(Tensor input, Tensor normalWeights, Tensor reduceWeights,
        IReadOnlyList<int>? normalActive = null, IReadOnlyList<int>? reduceActive = null)
    {
        var s0 = stem.call(input);
        var s1 = s0;
        foreach (var cell in cells)
            (s0, s1) = (s1, cell.Reduction
                ? cell.Forward(s0, s1, reduceWeights, reduceActive)
                : cell.Forward(s0, s1, normalWeights, normalActive));
        return classifier.call(pool.call(s1).flatten(1));
    }

    /// <summary>DARTS's genotype of the current α (<see cref="GenotypeDerivation"/> of their softmax).</summary>
    public DartsGenotype Genotype()
    {
        using var _ = NewDisposeScope();
        return GenotypeDerivation.Derive(
            nn.functional.softmax(alphaNormal, -1), nn.functional.softmax(alphaReduce, -1));
    }
}
