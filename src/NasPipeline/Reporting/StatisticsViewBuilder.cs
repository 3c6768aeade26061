using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Reporting;

/// <summary>Words and numbers for the statistics section, saying plainly what a small study cannot show.</summary>
public static class StatisticsViewBuilder
{
    public static StatisticsView Build(StudyStatistics s, int decimals)
    {
        var rows = s.Comparisons.Select(c => new ComparisonRow(
            Trainer: c.Trainer, Selector: c.Selector, Pairs: c.Pairs,
            Difference: Format.Signed(c.MeanDifference, decimals), Interval: Interval(c, decimals),
            P: Format.P(c.P), HolmP: Format.P(c.HolmP), Verdict: Verdict(c, s.Baseline!))).ToList();
        return new StatisticsView(rows,
            $"Each selector against {s.Baseline} within the same trainer, paired by seed (both picked from the same " +
            "supernet): mean difference in points with its 95 % Student-t interval over seeds, the exact two-sided " +
            "sign-flip permutation p, and p Holm-adjusted over the trainer's comparisons.",
            SampleSizeWarning(s), Interaction(s.Interaction), InteractionNote(s.Interaction),
            s.Ranking is { } r ? Enumerable.Range(0, r.Selectors.Count).OrderBy(i => r.AverageRanks[i])
                .Select(i => new RankRow(r.Selectors[i], r.AverageRanks[i].ToString("F2", Format.Invariant)))
                .ToList() : [],
            Ranking(s.Ranking));
    }

    /// <summary>"[−0.18, +2.30]", or "–" when one seed gives no interval.</summary>
    public static string Interval(PairedComparison c, int decimals) => double.IsNaN(c.CiLow) ? Format.None
        : $"[{Format.Signed(c.CiLow, decimals)}, {Format.Signed(c.CiHigh, decimals)}]";

    static string Verdict(PairedComparison c, string baseline) =>
        c.Significant ? (c.MeanDifference > 0 ? $"better than {baseline}" : $"worse than {baseline}")
        : c.SmallestP >= 1 - ConfidenceInterval.Level
            ? $"cannot be significant with {c.Pairs} seed{(c.Pairs == 1 ? "" : "s")} " +
              $"(smallest possible p {Format.P(c.SmallestP)})"
            : "no significant difference";

    public static string? SampleSizeWarning(StudyStatistics s) => !s.TooFewSeedsToTest ? null :
        $"With {s.SeedsPerPair} seed{(s.SeedsPerPair == 1 ? "" : "s")} per pair no paired test can reach p < 0.05: " +
        $"the smallest p the exact sign-flip test can give is {Format.P(SignFlipTest.SmallestP(s.SeedsPerPair))}, " +
        "whatever the differences. The differences and intervals below are descriptive; the test can reach 0.05 " +
        $"from {StudyStatistics.SeedsNeeded} seeds on.";

    static string Interaction(InteractionTest? t) => t is null
        ? "Not tested: the interaction needs at least two trainers and two selectors with results on every " +
          "supernet, and more than one seed."
        : $"Permutation test of the trainer × selector interaction on {t.Blocks} supernets " +
          $"({string.Join(", ", t.Trainers)} " +
          $"× seeds) with the selectors {string.Join(", ", t.Selectors)}: interaction sum of squares " +
          $"{t.Statistic.ToString("F2", Format.Invariant)}, p = {Format.P(t.P)} " +
          (t.Exact
              ? $"(exact, over all {Format.Count(t.Assignments)} assignments of trainers to the supernets of each " +
                "seed)."
              : $"({Format.Count(t.Assignments)} seeded random assignments of trainers within seeds).");

    static string? InteractionNote(InteractionTest? t) => t is null || t.SmallestP < 1 - ConfidenceInterval.Level ? null
        : $"This design cannot reach p < 0.05: the smallest p it allows is {Format.P(t.SmallestP)} (renaming the " +
          "trainers consistently in every seed never changes the statistic). More seeds are needed to test the " +
          "interaction.";

    static string Ranking(FriedmanTest? f) => f is null
        ? "Not ranked: ranking needs at least two selectors with results on every supernet, and two supernets."
        : $"Average rank of each selector over {f.Blocks} supernets (1 = best; ties share their average rank). " +
          $"Friedman χ² = {f.ChiSquare.ToString("F2", Format.Invariant)} with {f.Selectors.Count - 1} degrees of " +
          $"freedom, p = {Format.P(f.P)} (asymptotic; read as a guide with few supernets). Nemenyi critical " +
          $"difference at 0.05: {f.CriticalDifference.ToString("F2", Format.Invariant)} ranks.";
}
