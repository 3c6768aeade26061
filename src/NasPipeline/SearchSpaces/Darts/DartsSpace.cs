namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// The DARTS cell space (Liu et al., ICLR 2019; quark0/darts <c>cnn/genotypes.py</c>, <c>cnn/model_search.py</c>):
/// two input nodes (the two previous cells), four intermediate nodes, node i fed by all 2 + i earlier nodes, so
/// 14 edges, each one of 8 operations; the cell's output concatenates the four intermediate nodes.
/// </summary>
public static class DartsSpace
{
    /// <summary>DARTS's <c>PRIMITIVES</c>, in its order (the columns of α).</summary>
    public static readonly IReadOnlyList<string> Operations =
    [
        "none", "max_pool_3x3", "avg_pool_3x3", "skip_connect",
        "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5",
    ];

    /// <summary>Intermediate nodes per cell (the reference's <c>steps</c>).</summary>
    public const int Steps = 4;

    /// <summary>Intermediate nodes concatenated into the cell output (the reference's <c>multiplier</c>).</summary>
    public const int Multiplier = 4;

    /// <summary>The stem's width is this many times C.</summary>
    public const int StemMultiplier = 3;

    /// <summary>Edges (node ← input) in α's row order: node by node, inputs 0, 1, … (14 for 4 steps).</summary>
    public static readonly IReadOnlyList<(int Node, int Input)> Edges =
        [.. Enumerable.Range(0, Steps).SelectMany(node => Enumerable.Range(0, 2 + node).Select(j => (node, j)))];

    public static int EdgeCount => Edges.Count;
    public static int OperationCount => Operations.Count;

    /// <summary>The index of <paramref name="operation"/> in <see cref="Operations"/>, or −1.</summary>
    public static int OperationIndex(string operation)
    {
        for (var i = 0; i < Operations.Count; i++)
            if (Operations[i] == operation) return i;
        return -1;
    }

    /// <summary>The first α row of intermediate node <paramref name="node"/> (its 2 + node rows follow).</summary>
    public static int FirstEdge(int node) => node * (node + 3) / 2;

    /// <summary>
    /// Whether cell <paramref name="layer"/> of <paramref name="layers"/> is a reduction cell: DARTS reduces at
    /// <c>layers // 3</c> and <c>2 * layers // 3</c> (both networks), doubling the channels there.
    /// </summary>
    public static bool IsReduction(int layer, int layers) => layer == layers / 3 || layer == 2 * layers / 3;

    /// <summary>An edge's stride: 2 in a reduction cell for the edges from the two cell inputs, else 1.</summary>
    public static int Stride(bool reduction, int input) => reduction && input < 2 ? 2 : 1;
}
