using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// DARTS's rule from mixing weights to a genotype (quark0/darts <c>cnn/model_search.py</c> <c>genotype()</c>,
/// <c>_parse</c>): per intermediate node, rank its incoming edges by their strongest non-<c>none</c> weight (a
/// stable sort, so ties keep the lower input first), keep the top two, strongest first, and give each its
/// strongest non-<c>none</c> operation (the first on ties); every intermediate node is concatenated.
/// </summary>
public static class GenotypeDerivation
{
    static readonly int NoneIndex = DartsSpace.OperationIndex("none");

    /// <summary>
    /// The genotype of mixing weights [14, 8] per cell type (the reference passes softmax(α); any weights with the
    /// same order per row give the same genotype).
    /// </summary>
    public static DartsGenotype Derive(Tensor normalWeights, Tensor reduceWeights)
    {
        var concat = Enumerable.Range(2 + DartsSpace.Steps - DartsSpace.Multiplier, DartsSpace.Multiplier).ToArray();
        return new DartsGenotype(Cell(Rows(normalWeights)), concat, Cell(Rows(reduceWeights)), concat);
    }

    /// <summary>The (operation, input) pairs of one cell from its weights, [edge][operation].</summary>
    public static IReadOnlyList<(string Operation, int Input)> Cell(double[][] weights)
    {
        if (weights.Length != DartsSpace.EdgeCount || weights.Any(row => row.Length != DartsSpace.OperationCount))
            throw new ArgumentException(
                $"DARTS mixing weights must be [{DartsSpace.EdgeCount}, {DartsSpace.OperationCount}]", nameof(weights));
        var genes = new List<(string, int)>();
        for (var node = 0; node < DartsSpace.Steps; node++)
        {
            var rows = weights.Skip(DartsSpace.FirstEdge(node)).Take(2 + node).ToArray();
            var strongest = Enumerable.Range(0, rows.Length)
                .OrderByDescending(input => rows[input].Where((_, op) => op != NoneIndex).Max())
                .Take(2);
            foreach (var input in strongest)
                genes.Add((DartsSpace.Operations[BestOperation(rows[input])], input));
        }
        return genes;
    }

    static int BestOperation(double[] row)
    {
        var best = -1;
        for (var op = 0; op < row.Length; op++)
            if (op != NoneIndex && (best < 0 || row[op] > row[best])) best = op;
        return best;
    }

    static double[][] Rows(Tensor weights)
    {
        using var values = weights.detach().to(ScalarType.Float64).cpu();
        if (values.shape.Length != 2)
            throw new ArgumentException($"DARTS mixing weights must be 2-D, got [{string.Join(", ", values.shape)}]");
        var flat = values.data<double>().ToArray();
        var columns = (int)values.shape[1];
        return Enumerable.Range(0, (int)values.shape[0])
            .Select(r => flat[(r * columns)..((r + 1) * columns)]).ToArray();
    }
}
