namespace NasPipeline.Reporting.Statistics;

/// <summary>
/// Holm's step-down correction: controls the family-wise error rate of a trainer's comparisons (every selector
/// against the baseline) without assuming independence, and is never less powerful than Bonferroni.
/// </summary>
public static class Holm
{
    /// <summary>Adjusted p-values in the input order; NaN entries (no test) stay NaN and are not counted.</summary>
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        var order = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i]))
            .OrderBy(i => pValues[i]).ToList();
        var adjusted = pValues.Select(_ => double.NaN).ToArray();
        var running = 0.0;
        for (var rank = 0; rank < order.Count; rank++)
        {
            // (m − rank) · p, made monotone so a smaller raw p never gets a larger adjusted p.
            running = Math.Max(running, Math.Min(1, (order.Count - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
