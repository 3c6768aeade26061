using NasPipeline.SearchSpaces;

namespace NasPipeline.Reporting.Figures;

/// <summary>What a node of a drawn cell is: a cell input, an intermediate node, or the cell's output.</summary>
public enum CellNodeRole { Input, Intermediate, Output }

/// <summary>
/// A node of a drawn cell: its number in the space's edges (the output's is one past the last) and its label.
/// </summary>
public sealed record CellNode(int Id, string Label, CellNodeRole Role);

/// <summary>
/// An arrow of a drawn cell: a kept edge with its operation (index in the edge's α row), or, with no operation, an
/// intermediate node concatenated into the output.
/// </summary>
public sealed record CellArrow(int From, int To, string? Operation, int OperationIndex)
{
    public bool IsConcat => Operation is null;
}

/// <summary>
/// One cell type of an architecture as the graph its diagram draws, read from the space's edges and the
/// genotype's choices alone, so any space draws. Two conventions, told apart by the number of cell inputs (nodes
/// no edge feeds): one input (NB201) numbers the nodes 0… and the last node is the output, every edge drawn (none
/// too, as the benchmark keeps it); several inputs (DARTS) label them c_{k-2}, c_{k-1} and the intermediate nodes
/// 0…, draw the kept edges only, and concatenate every intermediate node into c_{k}, as DARTS's
/// <c>cnn/visualize.py</c> draws its cells (the space's concat is all intermediate nodes).
/// </summary>
public sealed record CellDiagram(string CellType, IReadOnlyList<CellNode> Nodes, IReadOnlyList<CellArrow> Arrows)
{
    /// <summary>Arrows of kept edges (not the concatenation into the output).</summary>
    public IEnumerable<CellArrow> Operations => Arrows.Where(a => !a.IsConcat);

    /// <summary>True for the one-input convention, whose output is its last node.</summary>
    public bool IsChain => Nodes.Count(n => n.Role == CellNodeRole.Input) == 1;

    /// <summary>The cell inputs of <paramref name="cellType"/>: nodes no edge feeds (NB201 1, DARTS 2).</summary>
    public static int Inputs(CellType cellType)
    {
        var fed = cellType.Edges.Select(e => e.To).ToHashSet();
        return cellType.Edges.Select(e => e.From).Distinct().Count(n => !fed.Contains(n));
    }

    /// <param name="cellType">The space's cell type.</param>
    /// <param name="choices">The genotype's choices for it: per edge an operation index, −1: dropped.</param>
    public static CellDiagram Of(CellType cellType, IReadOnlyList<int> choices)
    {
        if (choices.Count != cellType.EdgeCount)
            throw new ArgumentException(
                $"{cellType.Name}: {choices.Count} choices for {cellType.EdgeCount} edges", nameof(choices));
        var edges = cellType.Edges;
        var count = edges.Max(e => Math.Max(e.To, e.From)) + 1;
        var fed = edges.Select(e => e.To).ToHashSet();
        var inputs = Inputs(cellType);
        var arrows = edges.Select((e, i) => (Edge: e, Op: choices[i])).Where(x => x.Op >= 0)
            .Select(x => new CellArrow(x.Edge.From, x.Edge.To, x.Edge.Operations[x.Op], x.Op)).ToList();
        if (inputs == 1)
            return new CellDiagram(cellType.Name, Enumerable.Range(0, count).Select(n => new CellNode(n,
                n.ToString(Format.Invariant), n == 0 ? CellNodeRole.Input
                    : n == count - 1 ? CellNodeRole.Output : CellNodeRole.Intermediate)).ToList(), arrows);
        var nodes = Enumerable.Range(0, count).Select(n => fed.Contains(n)
                ? new CellNode(n, (n - inputs).ToString(Format.Invariant), CellNodeRole.Intermediate)
                : new CellNode(n, $"c_{{k-{inputs - n}}}", CellNodeRole.Input))
            .Append(new CellNode(count, "c_{k}", CellNodeRole.Output)).ToList();
        arrows.AddRange(nodes.Where(n => n.Role == CellNodeRole.Intermediate)
            .Select(n => new CellArrow(n.Id, count, null, -1)));
        return new CellDiagram(cellType.Name, nodes, arrows);
    }
}
