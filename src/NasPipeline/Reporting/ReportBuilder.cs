using System.Globalization;
using NasPipeline.Artifacts;
using NasPipeline.Manifest;

namespace NasPipeline.Reporting;

/// <summary>Turns the grid's results into the report's view model (grouping, statistics, formatting, chart geometry).</summary>
public static class ReportBuilder
{
    static readonly string[] Palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"];

    public sealed record SupernetRun(string Trainer, int Seed, SupernetArtifact Artifact, double Seconds);

    public static ReportModel Build(
        ExperimentManifest manifest, IReadOnlyList<EvaluationArtifact> results, IReadOnlyList<SupernetRun> supernets,
        IReadOnlyDictionary<string, string> versions, DateTime generatedUtc)
    {
        var d = manifest.Report.Decimals;
        string Acc(double v) => v.ToString("F" + d, CultureInfo.InvariantCulture);
        string Sec(double v) => v.ToString("F1", CultureInfo.InvariantCulture);

        var pairs = Pairs(manifest, results);

        string MeanStd(Summary st) => $"{Acc(st.Mean)} ± {Acc(st.StandardDeviation)}";
        var summary = pairs.Select(p => new SummaryRow(p.Trainer, p.Selector, p.Stats.Count, MeanStd(p.Stats), Acc(p.Stats.Maximum),
            Acc(p.Stats.Minimum), p.Runs.Select(r => r.Genotype).Distinct().Count(),
            p.Runs.Average(r => r.Parameters).ToString("N0", CultureInfo.InvariantCulture))).ToList();
        var matrix = manifest.Trainers.Select(t => new MatrixRow(t.Id, manifest.Selectors.Select(s =>
            pairs.FirstOrDefault(p => p.Trainer == t.Id && p.Selector == s.Id) is { } p ? MeanStd(p.Stats) : "–").ToList())).ToList();
        var rows = results.OrderBy(r => r.Trainer).ThenBy(r => r.Selector).ThenBy(r => r.Seed).Select(r => new ResultRow(
            r.Trainer, r.Selector, r.Seed, r.Genotype, Acc(r.TestAccuracy), r.Parameters.ToString("N0", CultureInfo.InvariantCulture),
            Sec(r.TrainSeconds), Sec(r.SelectSeconds), Sec(r.RetrainSeconds))).ToList();
        var supernetRows = supernets.Select(s => new SupernetRow(s.Trainer, s.Seed, s.Artifact.Epochs.Count,
            Pct(s.Artifact.Epochs[^1].TrainAccuracy, d), s.Artifact.Epochs[^1].ValidAccuracy is { } v ? Pct(v, d) : "–", Sec(s.Seconds),
            Mb(s.Artifact.Epochs[Math.Min(1, s.Artifact.Epochs.Count - 1)].RssBytes), Mb(s.Artifact.Epochs[^1].RssBytes))).ToList();
        var notes = results.SelectMany(r => r.Notes.Select(n => $"{r.Trainer} × {r.Selector} seed={r.Seed}: {n}")).ToList();

        return new ReportModel(manifest.Report.Title, manifest.Experiment.Name, manifest.Path,
            generatedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            string.Join(", ", manifest.Experiment.Seeds), manifest.Selectors.Select(s => s.Id).ToList(),
            summary, matrix, rows, supernetRows, notes, Chart(pairs.Select(p => ($"{p.Trainer} × {p.Selector}", p.Stats)).ToList(), Acc),
            versions.Select(v => new VersionRow(v.Key, v.Value)).ToList());
    }

    /// <summary>A trainer × selector pair with its runs and their accuracy statistics.</summary>
    public sealed record Pair(string Trainer, string Selector, IReadOnlyList<EvaluationArtifact> Runs, Summary Stats);

    /// <summary>Every pair that has results, in manifest order.</summary>
    public static IReadOnlyList<Pair> Pairs(ExperimentManifest manifest, IReadOnlyList<EvaluationArtifact> results) =>
        (from t in manifest.Trainers
         from s in manifest.Selectors
         let runs = results.Where(r => r.Trainer == t.Id && r.Selector == s.Id).ToList()
         where runs.Count > 0
         select new Pair(t.Id, s.Id, runs, Summary.Of(runs.Select(r => r.TestAccuracy).ToList()))).ToList();

    static Chart Chart(IReadOnlyList<(string Label, Summary Stats)> pairs, Func<double, string> format)
    {
        const int barHeight = 22, plotWidth = 480;
        // Scale from 0 to the next multiple of 10 above the best mean + std, so bars compare honestly.
        var top = Math.Max(10, Math.Ceiling(pairs.Select(p => p.Stats.Mean + p.Stats.StandardDeviation).DefaultIfEmpty(100).Max() / 10) * 10);
        double X(double v) => Math.Round(Math.Clamp(v, 0, top) / top * plotWidth, 1);
        var bars = pairs.Select((p, i) => new ChartBar(p.Label, i * barHeight, X(p.Stats.Mean),
            X(p.Stats.Mean - p.Stats.StandardDeviation), X(p.Stats.Mean + p.Stats.StandardDeviation), format(p.Stats.Mean),
            Palette[i % Palette.Length])).ToList();
        var ticks = Enumerable.Range(0, 6).Select(i => new ChartTick(X(top * i / 5), (top * i / 5).ToString("0", CultureInfo.InvariantCulture))).ToList();
        return new Chart(plotWidth, Math.Max(1, pairs.Count) * barHeight, bars, ticks);
    }

    static string Pct(double fraction, int decimals) => (fraction * 100).ToString("F" + decimals, CultureInfo.InvariantCulture);
    static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
}
