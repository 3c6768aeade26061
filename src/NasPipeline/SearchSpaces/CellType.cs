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
/// An intermediate node with more incoming edges than it keeps (DARTS: nodes 3, 4, 5 keep 2 of 3, 4, 5 inputs):
/// which inputs it keeps is part of the architecture. <paramref name="Edges"/> are its incoming edges' numbers in
/// α order.
/// </summary>
public sealed record ChoiceNode(int Node, IReadOnlyList<int> Edges, int Keep);

/// <summary>
/// A kind of cell that shares one architecture parameter α [edges, ops] (NB201: one, "cell"; DARTS: "normal" and
/// "reduce"). Edges are in the order of α's rows; every edge has the same number of candidates, so α is a matrix,
/// but their names may differ per edge (a space that prunes candidates per edge). <paramref name="InputsKept"/>:
/// how many incoming edges an intermediate node keeps (DARTS: 2), or null where every edge stays (NB201).
/// </summary>
public sealed record CellType(string Name, IReadOnlyList<CellEdge> Edges, int? InputsKept = null)
{
    public int EdgeCount => Edges.Count;

    /// <summary>
    /// The nodes whose kept inputs are a choice (more incoming edges than <see cref="InputsKept"/>), by node number;
    /// none when every edge stays. DARTS: nodes 3, 4, 5 (darts-pt's <c>nid2eids</c> {0: [2,3,4], 1: [5..8],
    /// 2: [9..13]}); node 2 has exactly its 2 inputs.
    /// </summary>
    public IReadOnlyList<ChoiceNode> ChoiceNodes => InputsKept is not { } keep ? []
        : Edges.Select((edge, index) => (edge.To, Index: index)).GroupBy(e => e.To).Where(g => g.Count() > keep)
            .OrderBy(g => g.Key).Select(g => new ChoiceNode(g.Key, g.Select(e => e.Index).ToArray(), keep)).ToArray();

    /// <summary>Candidates per edge: the number of α columns.</summary>
    public int OperationCount => Edges[0].Operations.Count;

    /// <summary>Edge number and its nodes, e.g. "2 (2←1)".</summary>
    public string EdgeName(int edge) => $"{edge} ({Edges[edge].To}←{Edges[edge].From})";
}
