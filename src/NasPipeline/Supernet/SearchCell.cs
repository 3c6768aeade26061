using NasPipeline.SearchSpaces.Nb201;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Supernet;

/// <summary>An NB201 cell whose every edge is a <see cref="MixedOp"/>.</summary>
public sealed class SearchCell : nn.Module
{
    readonly ModuleList<MixedOp> edges;

    public SearchCell(int channels) : base(nameof(SearchCell))
    {
        edges = nn.ModuleList(Enumerable.Range(0, Nb201Space.EdgeCount).Select(_ => new MixedOp(channels)).ToArray());
        RegisterComponents();
    }

    /// <summary>The six edges in NB201 edge order.</summary>
    public IReadOnlyList<MixedOp> Edges => edges.ToList();

    public Tensor Forward(Tensor input, Mixing mixing) =>
        CellGraph.Forward(input, (edge, x) => edges[edge].Forward(x, mixing.Weights[edge], mixing.Active?[edge]));
}
