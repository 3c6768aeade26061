using NasPipeline.Manifest;
using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Reporting;

/// <summary>
/// The statistics that answer the study's question, on the primary metric of every pair: each selector against
/// the baseline within each trainer (paired by seed, Holm per trainer), the trainer × selector interaction, and
/// the selectors' average ranks with Friedman's test. The interaction and the ranks need every selector on every
/// supernet, so they use the selectors that have results for every trainer (n/a pairs drop their selector there)
/// and the supernets with a result for each of those.
/// </summary>
public sealed record StudyStatistics(
    string? Baseline, IReadOnlyList<PairedComparison> Comparisons, InteractionTest? Interaction, FriedmanTest? Ranking,
    IReadOnlyList<string> RankedSelectors, int SeedsPerPair)
{
    public static StudyStatistics Of(ExperimentManifest manifest, IReadOnlyList<GridPair> pairs)
    {
        var baseline = manifest.Report.Baseline;
        var comparisons = baseline is null ? [] : manifest.Trainers.SelectMany(t => PairedComparison.ForTrainer(
            t.Id, baseline, pairs.Where(p => p.Trainer == t.Id).ToDictionary(p => p.Selector, p => p.PrimaryBySeed)))
            .ToList();

        var trainers = manifest.Trainers.Select(t => t.Id).Where(t => pairs.Any(p => p.Trainer == t)).ToList();
        var selectors = manifest.Selectors.Select(s => s.Id)
            .Where(s => trainers.Count > 0 && trainers.All(t => pairs.Any(p => p.Trainer == t && p.Selector == s)))
            .ToList();
        var blocks = (from t in trainers
                      from seed in manifest.Experiment.Seeds
                      let values = selectors.Select(s => pairs.Single(p => p.Trainer == t && p.Selector == s)
                          .PrimaryBySeed.TryGetValue(seed, out var v) ? v : (double?)null).ToList()
                      where values.All(v => v is not null)
                      select new InteractionTest.Block(t, seed, values.Select(v => v!.Value).ToList())).ToList();
        return new StudyStatistics(baseline, comparisons, InteractionTest.Run(selectors, blocks),
            FriedmanTest.Run(selectors, blocks.Select(b => b.Values).ToList()), selectors,
            pairs.Count == 0 ? 0 : pairs.Max(p => p.Runs.Count));
    }

    /// <summary>The comparison of one pair with the baseline, if it has one.</summary>
    public PairedComparison? Comparison(string trainer, string selector) =>
        Comparisons.FirstOrDefault(c => c.Trainer == trainer && c.Selector == selector);

    /// <summary>True when no paired comparison could reach the report's level, whatever the differences.</summary>
    public bool TooFewSeedsToTest =>
        Comparisons.Count > 0 && Comparisons.All(c => c.SmallestP >= 1 - ConfidenceInterval.Level);

    /// <summary>The fewest seeds with which the sign-flip test can reach the report's level (6 at 0.05).</summary>
    public static int SeedsNeeded =>
        Enumerable.Range(1, 30).First(n => SignFlipTest.SmallestP(n) < 1 - ConfidenceInterval.Level);
}
