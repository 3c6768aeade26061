using TorchSharp.Modules;
using NasPipeline.SearchSpaces.Nb201;
using static TorchSharp.torch;

namespace NasPipeline.Supernet;

/// <summary>An NB201 cell whose every edge is a <see cref="MixedOp"/>; weights are [edges, ops].</summary>
public sealed class SearchCell : nn.Module<Tensor, Tensor, Tensor>
{
    readonly ModuleList<MixedOp> edges;

    public SearchCell(int channels) : base(nameof(SearchCell))
    {
        edges = nn.ModuleList(Enumerable.Range(0, Nb201Space.EdgeCount).Select(_ => new MixedOp(channels)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor weights) =>
        CellGraph.Forward(input, (edge, x) => edges[edge].forward(x, weights[edge]));
}
