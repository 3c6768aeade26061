using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces;

/// <summary>
/// Every cell type's edges in one list, cell type by cell type (the order of the artifacts' stacked mixing-weight
/// rows): edge-by-edge selectors (DARTS-PT's and the zero-cost projections) decide a space's edges in one sequence
/// over it. A space with one cell type has exactly its own edge numbers.
/// </summary>
public static class StackedEdges
{
    /// <summary>Edges of every cell type together.</summary>
    public static int Count(this ISearchSpace space) => space.CellTypes.Sum(c => c.EdgeCount);

    /// <summary>The cell type and its own edge number of stacked edge <paramref name="edge"/>.</summary>
    public static (int CellType, int Edge) Locate(this ISearchSpace space, int edge)
    {
        for (var c = 0; c < space.CellTypes.Count; c++)
        {
            if (edge < space.CellTypes[c].EdgeCount) return (c, edge);
            edge -= space.CellTypes[c].EdgeCount;
        }
        throw new ArgumentOutOfRangeException(nameof(edge), $"{space.Name} has {space.Count()} edges");
    }

    /// <summary>The candidates of stacked edge <paramref name="edge"/>.</summary>
    public static CellEdge Edge(this ISearchSpace space, int edge)
    {
        var (cellType, own) = space.Locate(edge);
        return space.CellTypes[cellType].Edges[own];
    }

    /// <summary>How notes name a stacked edge: "2 (2←1)"; with several cell types "reduce 2 (2←1)".</summary>
    public static string EdgeName(this ISearchSpace space, int edge)
    {
        var (cellType, own) = space.Locate(edge);
        var name = space.CellTypes[cellType].EdgeName(own);
        return space.CellTypes.Count == 1 ? name : $"{space.CellTypes[cellType].Name} {name}";
    }

    /// <summary>Stacked per-edge values (picks, fixed ops) split into one list per cell type.</summary>
    public static T[][] PerCellType<T>(this ISearchSpace space, IReadOnlyList<T> stacked)
    {
        if (stacked.Count != space.Count())
            throw new ArgumentException($"{space.Name} has {space.Count()} edges, got {stacked.Count} values");
        var offset = 0;
        return space.CellTypes.Select(c =>
        {
            var part = stacked.Skip(offset).Take(c.EdgeCount).ToArray();
            offset += c.EdgeCount;
            return part;
        }).ToArray();
    }

    /// <summary>
    /// Mixing weights [stacked edges, ops] as one view per cell type (one cell type: the tensor itself).
    /// </summary>
    public static IReadOnlyList<Tensor> Split(this ISearchSpace space, Tensor stacked) =>
        space.CellTypes.Count == 1 ? [stacked]
            : stacked.split(space.CellTypes.Select(c => (long)c.EdgeCount).ToArray(), 0);

    /// <summary>Per-cell-type weights [edges, ops] stacked into [stacked edges, ops] (one cell type: itself).</summary>
    public static Tensor Stack(this ISearchSpace space, IReadOnlyList<Tensor> weights) =>
        weights.Count == 1 ? weights[0] : cat(weights.ToList(), 0);
}
