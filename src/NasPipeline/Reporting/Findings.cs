using NasPipeline.Manifest;

namespace NasPipeline.Reporting;

/// <summary>
/// The sentences at the top of the report, answering the study's question in the order a reader asks it: does the
/// best selector depend on the trainer; which selector is best for each trainer and is it better than the baseline;
/// how the selectors rank overall; can this many seeds tell; what it cost.
/// </summary>
public static class Findings
{
    public static IReadOnlyList<string> Of(
        ExperimentManifest manifest, IReadOnlyList<GridPair> pairs, StudyStatistics s, StatisticsView view,
        string footprint)
    {
        var d = manifest.Report.Decimals;
        var findings = new List<string>();
        if (s.Interaction is { } i)
            findings.Add("Does the best selector depend on the trainer? " +
                $"Trainer × selector interaction p = {Format.P(i.P)}" +
                (i.SmallestP >= 0.05 ? $" (the smallest p this design allows is {Format.P(i.SmallestP)})." : "."));
        foreach (var trainer in manifest.Trainers.Select(t => t.Id))
        {
            var row = pairs.Where(p => p.Trainer == trainer).ToList();
            if (row.Count == 0) continue;
            var best = row.MaxBy(p => p.Primary.Mean)!;
            var text = $"{trainer}: best selector {best.Selector} ({MatrixBuilder.MeanInterval(best.Primary, d)})";
            if (s.Comparison(trainer, best.Selector) is { } c)
                text += $", {Format.Signed(c.MeanDifference, d)} points against {s.Baseline} " +
                        $"(95 % CI {StatisticsViewBuilder.Interval(c, d)}, " +
                        $"Holm p = {Format.P(c.HolmP)})";
            else if (best.Selector == s.Baseline) text += $", the baseline itself";
            findings.Add(text + ".");
        }
        if (s.Ranking is { } r)
            findings.Add("Average ranks over all supernets: " +
                string.Join(", ", view.Ranks.Select(x => $"{x.Selector} {x.AverageRank}")) +
                $" (Friedman p = {Format.P(r.P)}).");
        if (view.SampleSizeWarning is { } warning) findings.Add(warning);
        findings.Add($"Compute: {footprint}.");
        return findings;
    }
}
