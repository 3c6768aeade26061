namespace NasPipeline.Reporting.Statistics;

/// <summary>
/// One selector against the baseline selector within one trainer, paired by seed (both selected from the same
/// supernet): the mean difference (selector − baseline) with its 95 % t interval, the exact sign-flip p, and that p
/// Holm-adjusted over the trainer's comparisons. <see cref="SmallestP"/> is the least p n pairs can give.
/// </summary>
public sealed record PairedComparison(
    string Trainer, string Selector, string Baseline, int Pairs, double MeanDifference, double CiLow, double CiHigh,
    double P, double HolmP, double SmallestP)
{
    /// <summary>Significant at the report's level after Holm's correction.</summary>
    public bool Significant => HolmP < 1 - ConfidenceInterval.Level;

    /// <summary>
    /// Every selector of one trainer against <paramref name="baseline"/>; values are per selector, per seed.
    /// Selectors without a paired seed are left out (an n/a pair has no runs).
    /// </summary>
    public static IReadOnlyList<PairedComparison> ForTrainer(
        string trainer, string baseline, IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> bySelector)
    {
        if (!bySelector.TryGetValue(baseline, out var reference)) return [];
        var raw = bySelector.Where(s => s.Key != baseline).Select(s =>
        {
            var seeds = s.Value.Keys.Where(reference.ContainsKey).Order().ToList();
            var differences = seeds.Select(seed => s.Value[seed] - reference[seed]).ToList();
            var (low, high) = ConfidenceInterval.StudentT(differences);
            return (Selector: s.Key, Differences: differences, Low: low, High: high,
                P: SignFlipTest.PValue(differences));
        }).Where(c => c.Differences.Count > 0).ToList();
        var holm = Holm.Adjust(raw.Select(c => c.P).ToList());
        return raw.Select((c, i) => new PairedComparison(trainer, c.Selector, baseline, c.Differences.Count,
            c.Differences.Average(), c.Low, c.High, c.P, holm[i], SignFlipTest.SmallestP(c.Differences.Count)))
            .ToList();
    }
}
