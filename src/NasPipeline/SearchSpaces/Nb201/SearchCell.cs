using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>An NB201 cell whose every edge is a <see cref="MixedOp"/>.</summary>
public sealed class SearchCell : nn.Module
{
    readonly ModuleList<MixedOp> edges;
    readonly FusedCell _fused;

    public SearchCell(int channels) : base(nameof(SearchCell))
    {
        edges = nn.ModuleList(Enumerable.Range(0, Nb201Space.EdgeCount)
            .Select(_ => Nb201Operations.Mixed(channels)).ToArray());
        RegisterComponents();
        _fused = new FusedCell(edges.ToList());
    }

    /// <summary>The six edges in NB201 edge order.</summary>
    public IReadOnlyList<MixedOp> Edges => edges.ToList();

    /// <summary>
    /// Whether the fused forward updates the edges' BN statistics in place (views of one stack per source node).
    /// False once something replaced them (Module.to): still correct, the statistics are then copied each step.
    /// </summary>
    public bool SharesNormStatistics => _fused.SharesNormStatistics;

    /// <summary>
    /// The cell's output. <c>fuse</c> true: a soft mixing (no active ops) runs <see cref="FusedCell"/>, the same
    /// numbers in fewer native calls; false, or a mixing with active ops: each edge's <see cref="MixedOp"/>, which
    /// calls every op module.
    /// </summary>
    public Tensor Forward(Tensor input, CellMixing mixing, bool fuse = true) =>
        fuse && mixing.Active is null
            ? _fused.Forward(input, mixing.Weights)
            : CellGraph.Forward(input, (edge, x) => edges[edge].Forward(x, mixing.Weights[edge], mixing.Active?[edge]));

    protected override void Dispose(bool disposing)
    {
        if (disposing) _fused.Dispose();
        base.Dispose(disposing);
    }
}
