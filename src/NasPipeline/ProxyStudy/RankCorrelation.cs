using MathNet.Numerics.Statistics;

namespace NasPipeline.ProxyStudy;

/// <summary>
/// Rank agreement between a proxy and the benchmark over the pairs where both are finite: Spearman's ρ (MathNet,
/// average ranks for ties) and Kendall's τ-b (tie-corrected; MathNet has no Kendall τ, so it is computed here by
/// counting concordant and discordant pairs).
/// </summary>
public sealed record RankCorrelation(int Count, double Spearman, double Kendall)
{
    public static RankCorrelation Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException($"{x.Count} scores but {y.Count} accuracies");
        var pairs = x.Zip(y).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToList();
        if (pairs.Count < 3) return new RankCorrelation(pairs.Count, double.NaN, double.NaN);
        var (a, b) = (pairs.Select(p => p.First).ToArray(), pairs.Select(p => p.Second).ToArray());
        return new RankCorrelation(pairs.Count, Correlation.Spearman(a, b), KendallTauB(a, b));
    }

    /// <summary>
    /// τ-b = (C − D) / √((n₀ − n₁)(n₀ − n₂)), n₁ and n₂ the pairs tied in x and in y. NaN if
    /// either is constant.
    /// </summary>
    public static double KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, pairs = 0;
        for (var i = 0; i < x.Count; i++)
            for (var j = i + 1; j < x.Count; j++)
            {
                pairs++;
                var (dx, dy) = (Math.Sign(x[i] - x[j]), Math.Sign(y[i] - y[j]));
                if (dx == 0) tiedX++;
                if (dy == 0) tiedY++;
                if (dx * dy > 0) concordant++;
                else if (dx * dy < 0) discordant++;
            }
        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }
}
