using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// The DARTS search cell (quark0/darts <c>cnn/model_search.py</c> <c>Cell</c>): the two previous cells'
/// outputs preprocessed to C channels (FactorizedReduce for the older one after a reduction, else ReLU-1×1-BN;
/// all non-affine), four nodes each the sum of MixedOps over all earlier nodes (14 edges in α-row order, stride 2
/// from the two inputs in a reduction cell), output the concatenation of the four nodes (4C channels).
/// </summary>
public sealed class SearchCell : nn.Module
{
    readonly nn.Module<Tensor, Tensor> preprocess0, preprocess1;
    readonly ModuleList<MixedOp> edges;

    public SearchCell(int channelsPrevPrev, int channelsPrev, int channels, bool reduction, bool reductionPrev)
        : base(nameof(SearchCell))
    {
        Reduction = reduction;
        preprocess0 = reductionPrev
            ? new FactorizedReduce(channelsPrevPrev, channels, affine: false)
            : new ReLUConvBN(channelsPrevPrev, channels, 1, 1, 0, affine: false, bias: false);
        preprocess1 = new ReLUConvBN(channelsPrev, channels, 1, 1, 0, affine: false, bias: false);
        edges = nn.ModuleList(DartsSpace.Edges
            .Select(e => DartsOperations.Mixed(channels, DartsSpace.Stride(reduction, e.Input))).ToArray());
        RegisterComponents();
    }

    /// <summary>Whether this cell halves the spatial size (and so mixes with the reduce weights).</summary>
    public bool Reduction { get; }

    /// <summary>The 14 edges in α-row order (<see cref="DartsSpace.Edges"/>).</summary>
    public IReadOnlyList<MixedOp> Edges => edges.ToList();

    /// <summary>
    /// The cell's output for inputs s0 (older) and s1, mixing each edge with its row of the [14, 8] weights (and,
    /// when given, computing only the edge's active op).
    /// </summary>
    public Tensor Forward(Tensor s0, Tensor s1, Tensor weights, IReadOnlyList<int>? active = null)
    {
        var states = new List<Tensor> { preprocess0.call(s0), preprocess1.call(s1) };
        for (var node = 0; node < DartsSpace.Steps; node++)
        {
            Tensor? sum = null;
            for (var input = 0; input < 2 + node; input++)
            {
                var edge = DartsSpace.FirstEdge(node) + input;
                var term = edges[edge].Forward(states[input], weights[edge], active?[edge]);
                sum = sum is null ? term : sum.add(term);
            }
            states.Add(sum!);
        }
        return cat(states.Skip(states.Count - DartsSpace.Multiplier).ToArray(), 1);
    }
}
