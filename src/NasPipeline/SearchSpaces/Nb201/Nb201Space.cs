namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>The NAS-Bench-201 cell space: 4 nodes, 6 edges, 5 operations, in the benchmark's own orders.</summary>
public static class Nb201Space
{
    /// <summary>
    /// Candidate operations in the benchmark's canonical order (NASLib's order differs: never mix them).
    /// </summary>
    public static readonly IReadOnlyList<string> Operations = ["none", "skip_connect", "nor_conv_1x1",
        "nor_conv_3x3", "avg_pool_3x3"];

    /// <summary>Edges (to ← from) in arch-string order: 1←0, 2←0, 2←1, 3←0, 3←1, 3←2.</summary>
    public static readonly IReadOnlyList<(int To, int From)> Edges = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)];

    public const int Nodes = 4;
    public static int EdgeCount => Edges.Count;
    public static int OperationCount => Operations.Count;

    public static int EdgeIndex(int to, int from)
    {
        for (var i = 0; i < Edges.Count; i++)
            if (Edges[i] == (to, from)) return i;
        throw new ArgumentOutOfRangeException(nameof(to), $"no edge {to}<-{from} in the NB201 cell");
    }

    public static int OperationIndex(string op)
    {
        for (var i = 0; i < Operations.Count; i++)
            if (Operations[i] == op) return i;
        return -1;
    }
}
