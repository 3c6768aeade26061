using NasPipeline.Manifest;
using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Reporting;

/// <summary>
/// The trainer × selector table: each cell "mean ± 95 % CI half-width" over seeds, the row's best mean marked, and
/// a significance marker from the paired comparison with the baseline.
/// </summary>
public static class MatrixBuilder
{
    public const string NotApplicable = "n/a";

    public static IReadOnlyList<MatrixRow> Build(
        ExperimentManifest manifest, IReadOnlyList<GridPair> pairs, IReadOnlyList<NotApplicablePair> notApplicable,
        Func<GridPair, Summary?> stats, StudyStatistics? statistics)
    {
        var decimals = manifest.Report.Decimals;
        return manifest.Trainers.Select(t =>
        {
            var row = manifest.Selectors.Select(s => pairs.FirstOrDefault(p => p.Trainer == t.Id && p.Selector == s.Id))
                .ToList();
            var best = row.Select(p => p is null ? null : stats(p)).Where(x => x is not null).Select(x => x!.Mean)
                .DefaultIfEmpty(double.NaN).Max();
            return new MatrixRow(t.Id, row.Select((pair, i) =>
            {
                var selector = manifest.Selectors[i].Id;
                if (pair is null || stats(pair) is not { } summary)
                {
                    var na = notApplicable.Any(n => n.Trainer == t.Id && n.Selector == selector);
                    return new MatrixCell(na ? NotApplicable : Format.None, false, "");
                }
                return new MatrixCell(MeanInterval(summary, decimals), summary.Mean == best,
                    Marker(statistics?.Comparison(t.Id, selector)));
            }).ToList());
        }).ToList();
    }

    /// <summary>"82.10 ± 2.31" with the CI half-width, or the mean alone when one seed gives no interval.</summary>
    public static string MeanInterval(Summary s, int decimals) =>
        double.IsNaN(s.CiHalfWidth) ? Format.Fixed(s.Mean, decimals)
        : $"{Format.Fixed(s.Mean, decimals)} ± {Format.Fixed(s.CiHalfWidth, decimals)}";

    static string Marker(PairedComparison? c) =>
        c is null || double.IsNaN(c.HolmP) ? "" : c.HolmP < 0.01 ? "**" : c.HolmP < 0.05 ? "*" : "";
}
