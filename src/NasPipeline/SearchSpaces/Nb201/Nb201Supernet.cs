using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>
/// The NB201 supernet: the benchmark's macro skeleton with <see cref="SearchCell"/>s that share one architecture
/// parameter <see cref="Alpha"/> ([6 edges, 5 ops]), NB201's one cell type. Trainers decide how α becomes mixing
/// weights; the network just applies the weights it is given.
/// </summary>
public sealed class Nb201Supernet : nn.Module<Tensor, Tensor>, ISupernet
{
    readonly nn.Module<Tensor, Tensor> stem;
    readonly ModuleList<nn.Module> layers;
    readonly nn.Module<Tensor, Tensor> head;
    readonly Parameter alpha;

    public Nb201Supernet(int channels, int cellsPerStage, int inputChannels, int classes) : base(nameof(Nb201Supernet))
    {
        var layout = Nb201Layout.Layers(channels, cellsPerStage);
        stem = Nb201Layout.Stem(inputChannels, channels);
        layers = nn.ModuleList(layout.Select(l => l.IsReduction
            ? (nn.Module)new ResNetBasicBlock(l.ChannelsIn, l.Channels)
            : new SearchCell(l.Channels)).ToArray());
        head = Nb201Layout.Head(layout[^1].Channels, classes);
        // DARTS initialises α near zero so the first softmax is almost uniform.
        alpha = new Parameter(randn(Nb201Space.EdgeCount, Nb201Space.OperationCount).mul_(1e-3));
        (Channels, CellsPerStage, InputChannels, Classes) = (channels, cellsPerStage, inputChannels, classes);
        RegisterComponents();
    }

    public int Channels { get; }
    public int CellsPerStage { get; }
    public int InputChannels { get; }
    public int Classes { get; }

    public ISearchSpace Space => Nb201SearchSpace.Instance;

    nn.Module<Tensor, Tensor> ISupernet.Module => this;

    /// <summary>A float64 copy with the same parameters and buffers (for proxies that need double precision).</summary>
    public Nb201Supernet Float64Copy() =>
        SearchSpaces.Float64Copy.Of(this, () => new Nb201Supernet(Channels, CellsPerStage, InputChannels, Classes));

    ISupernet ISupernet.Float64Copy() => Float64Copy();

    /// <summary>Architecture parameters, [edges, ops], canonical NB201 orders.</summary>
    public Parameter Alpha => alpha;

    public IReadOnlyList<Parameter> Alphas => [alpha];

    /// <summary>Everything but α: the shared operation weights a weight optimiser trains.</summary>
    public IEnumerable<Parameter> WeightParameters() =>
        named_parameters().Where(p => p.name != "alpha").Select(p => p.parameter);

    /// <summary>The DARTS relaxation: softmax over each edge's α.</summary>
    public Tensor SoftmaxWeights() => nn.functional.softmax(alpha, -1);

    // As a module (x → logits) every op module is called, so hooks on them fire.
    public override Tensor forward(Tensor input) => Forward(input, new Mixing(SoftmaxWeights()), fuse: false);

    /// <summary>The search cells, in network order.</summary>
    public IEnumerable<SearchCell> Cells => layers.OfType<SearchCell>();

    /// <summary>Runs the supernet with explicit mixing weights [edges, ops].</summary>
    public Tensor Forward(Tensor input, Tensor weights) => Forward(input, new Mixing(weights));

    /// <summary>
    /// Edges held at one op (−1: free) in every forward whatever mixing it is given, or null: DARTS-PT's projected
    /// network (ruocwang/darts-pt <c>get_projected_weights</c>) overrides its decided edges in the α step, the
    /// perturbation and the weight step alike. A plain field, not module state: checkpoints do not hold it.
    /// </summary>
    public int[][]? FixedOps { get; set; }

    /// <summary>Runs the supernet with the given mixing (weights and, optionally, one active op per edge).</summary>
    /// <remarks>
    /// <c>fuse</c> true (training, tuning, scoring): soft mixings run each cell fused per source node
    /// (<see cref="FusedCell"/>), the same numbers and statistics without calling the op modules. False: every op
    /// module is called, as module hooks and proxies need (<see cref="Proxies.MixedSupernet"/>).
    /// </remarks>
    public Tensor Forward(Tensor input, Mixing mixing, bool fuse = true)
    {
        if (mixing.Cells.Count != 1)
            throw new ArgumentException(
                $"NB201 has one cell type, got a mixing of {mixing.Cells.Count}", nameof(mixing));
        if (FixedOps is { } fixedOps) mixing = mixing.Fix(fixedOps);
        var cellMixing = mixing[0];
        var x = stem.call(input);
        foreach (var layer in layers)
            x = layer switch
            {
                SearchCell cell => cell.Forward(x, cellMixing, fuse),
                nn.Module<Tensor, Tensor> block => block.call(x),
                _ => throw new InvalidOperationException($"unexpected layer {layer.GetName()}"),
            };
        return head.call(x);
    }

    /// <summary>One op per edge, uniformly (torch's generator), as RSWS and xautodl's RANDOM-NAS sample.</summary>
    public Mixing SampleArchitecture(Generator? generator = null)
    {
        using var index = randint(0, Nb201Space.OperationCount, [Nb201Space.EdgeCount], generator: generator);
        return Mixing.OneHot(Space, [index.data<long>().Select(i => (int)i).ToArray()]);
    }

    public IEnumerable<nn.Module> Operations(int cellType, int edge, int operation) =>
        Cells.Select(cell => (nn.Module)cell.Edges[edge].Operations[operation]);
}
