using NasPipeline.SearchSpaces;

namespace NasPipeline.Selectors;

/// <summary>
/// One decision of an <see cref="EdgeProjection"/>: the operation of stacked edge <see cref="Edge"/>
/// (<see cref="StackedEdges"/>), or which inputs <see cref="Node"/> of cell type <see cref="CellType"/> keeps.
/// </summary>
public sealed record ProjectionDecision(int CellType, int? Edge = null, ChoiceNode? Node = null)
{
    /// <summary>The stacked edge numbers of <see cref="Node"/>'s incoming edges.</summary>
    public int[] NodeEdges(ISearchSpace space)
    {
        var offset = space.CellTypes.Take(CellType).Sum(c => c.EdgeCount);
        return Node?.Edges.Select(e => offset + e).ToArray() ?? [];
    }

    /// <summary>Whether <paramref name="state"/> holds this decision.</summary>
    /// <remarks>
    /// A node decision always drops an edge (a choice node has more inputs than it keeps), so a node is decided
    /// exactly when one of its edges is dropped; checkpoints need hold nothing but the picks.
    /// </remarks>
    public bool IsMade(ISearchSpace space, ProjectionState state) => Edge is { } edge
        ? state.Done[edge]
        : NodeEdges(space).Any(e => state.Done[e] && state.Picks[e] < 0);
}
