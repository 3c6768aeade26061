namespace NasPipeline.Reporting;

/// <summary>The statistics section: paired comparisons, the interaction test and the ranking, as text.</summary>
public sealed record StatisticsView(
    IReadOnlyList<ComparisonRow> Comparisons, string ComparisonNote, string? SampleSizeWarning,
    string Interaction, string? InteractionNote, IReadOnlyList<RankRow> Ranks, string Ranking);

/// <summary>
/// One selector against the baseline within a trainer: mean difference (selector − baseline) and its 95 % t
/// interval over seeds, the exact sign-flip p, the Holm-adjusted p, and a plain verdict.
/// </summary>
public sealed record ComparisonRow(
    string Trainer, string Selector, int Pairs, string Difference, string Interval, string P, string HolmP,
    string Verdict);

public sealed record RankRow(string Selector, string AverageRank);
