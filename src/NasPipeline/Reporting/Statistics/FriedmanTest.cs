using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace NasPipeline.Reporting.Statistics;

/// <summary>
/// Average ranks of the selectors over blocks (one block per supernet: trainer × seed; rank 1 = highest accuracy,
/// ties share their average rank) and Friedman's test that all selectors rank alike (χ² with k − 1 degrees of
/// freedom, corrected for ties as SciPy's <c>friedmanchisquare</c>). The χ² p is asymptotic: with few blocks read
/// it as a guide, and the critical difference (Nemenyi, Demšar 2006) as the pairwise picture.
/// </summary>
public sealed record FriedmanTest(
    IReadOnlyList<string> Selectors, IReadOnlyList<double> AverageRanks, int Blocks, double ChiSquare, double P,
    double CriticalDifference)
{
    /// <summary>Null with fewer than two selectors or two blocks.</summary>
    public static FriedmanTest? Run(IReadOnlyList<string> selectors, IReadOnlyList<IReadOnlyList<double>> blocks)
    {
        int k = selectors.Count, n = blocks.Count;
        if (k < 2 || n < 2) return null;
        var sums = new double[k];
        var ties = 0.0;
        foreach (var block in blocks)
        {
            // MathNet ranks ascending; ranking the negated values makes rank 1 the best accuracy.
            var ranks = block.Select(v => -v).Ranks(RankDefinition.Average);
            for (var j = 0; j < k; j++) sums[j] += ranks[j];
            ties += block.GroupBy(v => v).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        }
        var average = sums.Select(s => s / n).ToList();
        var spread = average.Sum(r => Math.Pow(r - (k + 1) / 2.0, 2));
        var correction = 1 - ties / (n * (Math.Pow(k, 3) - k));
        var chi = correction > 0 ? 12.0 * n / (k * (k + 1)) * spread / correction : 0;
        var p = correction > 0 ? 1 - ChiSquared.CDF(k - 1, chi) : 1;
        return new FriedmanTest(selectors, average, n, chi, p, Nemenyi.CriticalDifference(k, n));
    }

    /// <summary>
    /// Groups of selectors whose average ranks lie within one critical difference of each other (the bars of a CD
    /// diagram): maximal runs in rank order, each of at least two selectors.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cliques()
    {
        var order = Enumerable.Range(0, Selectors.Count).OrderBy(i => AverageRanks[i]).ToList();
        var runs = new List<(int From, int To)>();
        for (var a = 0; a < order.Count; a++)
        {
            var b = a;
            while (b + 1 < order.Count && AverageRanks[order[b + 1]] - AverageRanks[order[a]] < CriticalDifference) b++;
            if (b > a && !runs.Any(r => r.From <= a && r.To >= b)) runs.Add((a, b));
        }
        return runs.Select(r => (IReadOnlyList<string>)order.Skip(r.From).Take(r.To - r.From + 1)
            .Select(i => Selectors[i]).ToList()).ToList();
    }
}
