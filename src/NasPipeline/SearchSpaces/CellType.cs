namespace NasPipeline.SearchSpaces;

/// <summary>
/// One edge of a cell type: the node it feeds, the node it reads, and its candidate operations in the order of
/// its α row.
/// </summary>
public sealed record CellEdge(int To, int From, IReadOnlyList<string> Operations)
{
    /// <summary>Index of <paramref name="operation"/> in this edge's α row, or −1.</summary>
    public int OperationIndex(string operation)
    {
        for (var i = 0; i < Operations.Count; i++)
            if (Operations[i] == operation) return i;
        return -1;
    }
}

/// <summary>
/// A kind of cell that shares one architecture parameter α [edges, ops] (NB201: one, "cell"; DARTS: "normal" and
/// "reduce"). Edges are in the order of α's rows; every edge has the same number of candidates, so α is a matrix,
/// but their names may differ per edge (a space that prunes candidates per edge).
/// </summary>
public sealed record CellType(string Name, IReadOnlyList<CellEdge> Edges)
{
    public int EdgeCount => Edges.Count;

    /// <summary>Candidates per edge: the number of α columns.</summary>
    public int OperationCount => Edges[0].Operations.Count;

    /// <summary>Edge number and its nodes, e.g. "2 (2←1)".</summary>
    public string EdgeName(int edge) => $"{edge} ({Edges[edge].To}←{Edges[edge].From})";
}
