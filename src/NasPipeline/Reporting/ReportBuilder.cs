using System.Globalization;
using NasPipeline.Artifacts;
using NasPipeline.Manifest;
using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Reporting;

/// <summary>Turns the grid's results into the report's view model (grouping, statistics, formatting, chart geometry).</summary>
public static class ReportBuilder
{
    static readonly string[] Palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"];

    public sealed record SupernetRun(string Trainer, int Seed, SupernetArtifact Artifact, double Seconds);

    public static ReportModel Build(
        ExperimentManifest manifest, IReadOnlyList<EvaluationArtifact> results,
        IReadOnlyList<NotApplicablePair> notApplicable, IReadOnlyList<SupernetRun> supernets,
        ProxyStudyModel? proxyStudy, IReadOnlyDictionary<string, string> versions, DateTime generatedUtc)
    {
        var d = manifest.Report.Decimals;
        string Acc(double v) => v.ToString("F" + d, CultureInfo.InvariantCulture);
        string Acc2(double? v) => v is { } x ? Acc(x) : "–";
        string Sec(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        string MeanStd(Summary? st) => st is null ? "–" : $"{Acc(st.Mean)} ± {Acc(st.StandardDeviation)}";

        var pairs = Pairs(manifest, results);
        var summary = pairs.Select(p => new SummaryRow(p.Trainer, p.Selector, p.Runs.Count,
            MeanStd(p.Retrain), Acc2(p.Retrain?.Maximum), Acc2(p.Retrain?.Minimum), p.Runs.Select(r => r.Genotype).Distinct().Count(),
            p.Runs.All(r => r.Parameters is not null) ? p.Runs.Average(r => r.Parameters!.Value).ToString("N0", CultureInfo.InvariantCulture) : "–",
            MeanStd(p.Benchmark), MeanStd(Of(p.Runs, b => b.Cifar10Valid)), MeanStd(Of(p.Runs, b => b.Cifar100Test)),
            MeanStd(Of(p.Runs, b => b.ImageNet16Test)), MeanStd(Of(p.Runs, b => b.Rank)), MeanStd(Of(p.Runs, b => b.Percentile)),
            MeanStd(Of(p.Runs, b => b.Regret))))
            .Concat(notApplicable.Select(NotApplicableSummary))
            .OrderBy(r => TrainerOrder(manifest, r.Trainer)).ThenBy(r => SelectorOrder(manifest, r.Selector)).ToList();
        string Cell(string trainer, string selector, Func<Pair, Summary?> stats) =>
            pairs.FirstOrDefault(p => p.Trainer == trainer && p.Selector == selector) is { } p ? MeanStd(stats(p))
            : notApplicable.Any(n => n.Trainer == trainer && n.Selector == selector) ? NotApplicable : "–";
        List<MatrixRow> Matrix(Func<Pair, Summary?> stats) => manifest.Trainers.Select(t => new MatrixRow(t.Id,
            manifest.Selectors.Select(s => Cell(t.Id, s.Id, stats)).ToList())).ToList();
        const string na = NotApplicable;
        var rows = results.Select(r => new ResultRow(
            r.Trainer, r.Selector, r.Seed, r.Genotype, Acc2(r.TestAccuracy), r.Parameters?.ToString("N0", CultureInfo.InvariantCulture) ?? "–",
            Sec(r.TrainSeconds), Sec(r.SelectSeconds), Sec(r.RetrainSeconds),
            Acc2(r.Benchmark?.Cifar10Valid), Acc2(r.Benchmark?.Cifar10Test), Acc2(r.Benchmark?.Cifar100Test), Acc2(r.Benchmark?.ImageNet16Test),
            r.Benchmark is { } b ? $"{b.Rank:N0}/{b.Architectures:N0}" : "–", Acc2(r.Benchmark?.Percentile),
            Acc2(r.Benchmark?.Regret)))
            .Concat(from n in notApplicable
                    from seed in manifest.Experiment.Seeds
                    select new ResultRow(n.Trainer, n.Selector, seed, na, na, na, "–", "–", "–", na, na, na, na, na, na, na))
            .OrderBy(r => r.Trainer, StringComparer.Ordinal).ThenBy(r => r.Selector, StringComparer.Ordinal)
            .ThenBy(r => r.Seed)
            .ToList();
        var supernetRows = supernets.Select(s => new SupernetRow(s.Trainer, s.Seed, s.Artifact.Epochs.Count,
            Pct(s.Artifact.Epochs[^1].TrainAccuracy, d), s.Artifact.Epochs[^1].ValidAccuracy is { } v ? Pct(v, d) : "–", Sec(s.Seconds),
            Mb(s.Artifact.Epochs[Math.Min(1, s.Artifact.Epochs.Count - 1)].RssBytes), Mb(s.Artifact.Epochs[^1].RssBytes))).ToList();
        var notes = notApplicable.Select(n => $"{n.Trainer} × {n.Selector}: not applicable: {n.Reason}")
            .Concat(results.SelectMany(r => r.Notes.Select(n => $"{r.Trainer} × {r.Selector} seed={r.Seed}: {n}")))
            .ToList();

        var evaluation = manifest.Evaluation;
        var chartMetric = evaluation.Retrain ? "retrain test accuracy (%)" : "NAS-Bench-201 CIFAR-10 test accuracy (%)";
        return new ReportModel(manifest.Report.Title, manifest.Experiment.Name, manifest.Path,
            generatedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            string.Join(", ", manifest.Experiment.Seeds), manifest.HasGrid, evaluation.Retrain, evaluation.Nb201,
            manifest.Selectors.Select(s => s.Id).ToList(), summary, Matrix(p => p.Retrain), Matrix(p => p.Benchmark), rows, supernetRows, notes,
            Chart(pairs.Select(p => ($"{p.Trainer} × {p.Selector}", p.Primary)).ToList(), Acc), chartMetric, proxyStudy,
            versions.Select(v => new VersionRow(v.Key, v.Value)).ToList());
    }

    /// <summary>
    /// A trainer × selector pair with its runs and the statistics of each evaluator: retrain test accuracy, and the
    /// benchmark's CIFAR-10 test accuracy. <see cref="Primary"/> is the one the chart shows: retrain when it ran.
    /// </summary>
    public sealed record Pair(string Trainer, string Selector, IReadOnlyList<EvaluationArtifact> Runs, Summary? Retrain, Summary? Benchmark)
    {
        public Summary Primary => (Retrain ?? Benchmark)!;
    }

    /// <summary>Every pair that has results, in manifest order.</summary>
    public static IReadOnlyList<Pair> Pairs(ExperimentManifest manifest, IReadOnlyList<EvaluationArtifact> results) =>
        (from t in manifest.Trainers
         from s in manifest.Selectors
         let runs = results.Where(r => r.Trainer == t.Id && r.Selector == s.Id).ToList()
         where runs.Count > 0
         select new Pair(t.Id, s.Id, runs,
             runs.All(r => r.TestAccuracy is not null) ? Summary.Of(runs.Select(r => r.TestAccuracy!.Value).ToList()) : null,
             Of(runs, b => b.Cifar10Test))).ToList();

    static Summary? Of(IReadOnlyList<EvaluationArtifact> runs, Func<Benchmarks.BenchmarkResult, double> value) =>
        runs.All(r => r.Benchmark is not null) ? Summary.Of(runs.Select(r => value(r.Benchmark!)).ToList()) : null;

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

    /// <summary>What every table shows for a pair whose selector cannot choose from its trainer's supernets.</summary>
    public const string NotApplicable = "n/a";

    static SummaryRow NotApplicableSummary(NotApplicablePair n) => new(
        n.Trainer, n.Selector, Runs: 0, Accuracy: NotApplicable, Best: NotApplicable, Worst: NotApplicable,
        DistinctArchitectures: 0, Parameters: NotApplicable, BenchmarkTest: NotApplicable,
        BenchmarkValid: NotApplicable, BenchmarkCifar100: NotApplicable, BenchmarkImageNet16: NotApplicable,
        Rank: NotApplicable, Percentile: NotApplicable, Regret: NotApplicable);

    static int TrainerOrder(ExperimentManifest m, string id) => m.Trainers.ToList().FindIndex(t => t.Id == id);
    static int SelectorOrder(ExperimentManifest m, string id) => m.Selectors.ToList().FindIndex(s => s.Id == id);

    static string Pct(double fraction, int decimals) => (fraction * 100).ToString("F" + decimals, CultureInfo.InvariantCulture);
    static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
}
