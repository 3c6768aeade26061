using NasPipeline.Artifacts;
using NasPipeline.Manifest;
using NasPipeline.Reporting.Compute;

namespace NasPipeline.Reporting;

/// <summary>
/// The tidy results table: one row per trainer/selector/seed, and the pair summary. Retrain columns are empty when
/// the retrain evaluator is off; nb201_* columns are NAS-Bench-201 lookups, empty when the nb201 evaluator is off.
/// A pair that is not applicable has its rows (one per seed) with every result column empty and the reason in
/// <c>NotApplicable</c>, so a pivot over the grid sees it as missing, not as a number. Compute columns are the
/// wall and CPU seconds of the nodes the row read (a shared node's full cost on every row that reads it; the
/// report's compute section splits shares) and the threads and device they ran with. A cell that failed (with
/// <c>on_failure = "continue"</c>) has its row too, result columns empty and <c>Failed</c> holding the failed stage
/// and reason, exactly as n/a pairs do: a pivot sees it as missing, a filter on <c>Failed</c> finds it, and the
/// table pasted into a paper cannot silently lose a seed. summary.csv counts them per pair in <c>FailedRuns</c>
/// (its means are over <c>Runs</c>, the cells that finished).
/// </summary>
public static class ResultsCsv
{
    /// <summary>One cell; an n/a or failed cell has only its identity and its reason (the rest empty).</summary>
    public sealed record Row(
        string Experiment, string Trainer, string TrainerMethod, string Selector, string SelectorMethod, int Seed,
        string Genotype = "", double? TestAccuracy = null, long? Parameters = null,
        double? Nb201Cifar10Valid = null, double? Nb201Cifar10Test = null, double? Nb201Cifar100Test = null,
        double? Nb201ImageNet16Test = null, int? Nb201Rank = null, double? Nb201Percentile = null,
        double? Nb201Regret = null, double? TrainSeconds = null, double? TrainCpuSeconds = null,
        double? SelectSeconds = null, double? SelectCpuSeconds = null, double? RetrainSeconds = null,
        double? RetrainCpuSeconds = null, int? Threads = null, string Device = "", string NotApplicable = "",
        string Failed = "");

    /// <summary>
    /// One pair: mean, sample std, 95 % t interval and extremes of each metric over seeds; the paired comparison of
    /// the primary metric (<c>Metric</c>) with the baseline selector (difference, its interval, exact sign-flip p,
    /// Holm-adjusted p, and the smallest p the number of seeds allows).
    /// </summary>
    public sealed record SummaryRow(
        string Trainer, string Selector, int Runs,
        double? MeanAccuracy = null, double? StdAccuracy = null, double? CiLowAccuracy = null,
        double? CiHighAccuracy = null, double? MinAccuracy = null, double? MaxAccuracy = null,
        double? MeanNb201Cifar10Test = null, double? StdNb201Cifar10Test = null, double? CiLowNb201Cifar10Test = null,
        double? CiHighNb201Cifar10Test = null, double? MeanNb201Regret = null, string Metric = "",
        string Baseline = "", double? DifferenceToBaseline = null,
        double? DifferenceCiLow = null, double? DifferenceCiHigh = null, double? PValue = null,
        double? HolmPValue = null, double? SmallestPossibleP = null, string NotApplicable = "", int FailedRuns = 0);

    public static void WriteResults(string path, ExperimentManifest manifest, IEnumerable<EvaluationArtifact> results,
        IReadOnlyList<NotApplicablePair> notApplicable, IReadOnlyList<NodeUsage> usage,
        IReadOnlyList<FailedCell>? failed = null)
    {
        var experiment = manifest.Experiment.Name;
        var compute = manifest.Experiment.Compute;
        NodeUsage? Node(string stage, EvaluationArtifact r) => usage.FirstOrDefault(n =>
            n.Stage == stage && n.Cells.Contains(new GridCell(r.Trainer, r.Selector, r.Seed)));
        var rows = results.Select(r => new Row(
            experiment, r.Trainer, r.TrainerMethod, r.Selector, r.SelectorMethod, r.Seed,
            Genotype: r.Genotype, TestAccuracy: r.TestAccuracy, Parameters: r.Parameters,
            Nb201Cifar10Valid: r.Benchmark?.Cifar10Valid, Nb201Cifar10Test: r.Benchmark?.Cifar10Test,
            Nb201Cifar100Test: r.Benchmark?.Cifar100Test, Nb201ImageNet16Test: r.Benchmark?.ImageNet16Test,
            Nb201Rank: r.Benchmark?.Rank, Nb201Percentile: r.Benchmark?.Percentile, Nb201Regret: r.Benchmark?.Regret,
            TrainSeconds: Math.Round(r.TrainSeconds, 2), TrainCpuSeconds: Cpu(Node("train", r)),
            SelectSeconds: Math.Round(r.SelectSeconds, 3), SelectCpuSeconds: Cpu(Node("select", r)),
            RetrainSeconds: Math.Round(r.RetrainSeconds, 2), RetrainCpuSeconds: Cpu(Node("retrain", r)),
            Threads: compute.Threads, Device: compute.Device, NotApplicable: ""));
        var missing =
            from n in notApplicable
            from seed in manifest.Experiment.Seeds
            select new Row(experiment, n.Trainer, Method(manifest.Trainers, n.Trainer), n.Selector,
                Method(manifest.Selectors, n.Selector), seed, NotApplicable: n.Reason);
        var failedRows =
            from f in failed ?? []
            where f.Trainer.Length > 0
            select new Row(experiment, f.Trainer, Method(manifest.Trainers, f.Trainer), f.Selector,
                Method(manifest.Selectors, f.Selector), f.Seed, Failed: $"{f.Stage}: {f.Reason}");
        Csv.Write(path, rows.Concat(missing).Concat(failedRows));
    }

    public static void WriteSummary(string path, ExperimentManifest manifest, IReadOnlyList<GridPair> pairs,
        IReadOnlyList<NotApplicablePair> notApplicable, StudyStatistics statistics,
        IReadOnlyList<FailedCell>? failed = null)
    {
        failed ??= [];
        int Failed(string trainer, string selector) =>
            failed.Count(f => f.Trainer == trainer && f.Selector == selector);
        var metric = manifest.Evaluation.Retrain ? "TestAccuracy" : "Nb201Cifar10Test";
        var baseline = statistics.Baseline ?? "";
        Csv.Write(path, pairs.Select(p =>
        {
            var c = statistics.Comparison(p.Trainer, p.Selector);
            return new SummaryRow(p.Trainer, p.Selector, p.Runs.Count, Metric: metric, Baseline: baseline,
                MeanAccuracy: p.Retrain?.Mean, StdAccuracy: p.Retrain?.StandardDeviation,
                CiLowAccuracy: Finite(p.Retrain?.CiLow), CiHighAccuracy: Finite(p.Retrain?.CiHigh),
                MinAccuracy: p.Retrain?.Minimum, MaxAccuracy: p.Retrain?.Maximum,
                MeanNb201Cifar10Test: p.Benchmark?.Mean, StdNb201Cifar10Test: p.Benchmark?.StandardDeviation,
                CiLowNb201Cifar10Test: Finite(p.Benchmark?.CiLow), CiHighNb201Cifar10Test: Finite(p.Benchmark?.CiHigh),
                MeanNb201Regret: p.Runs.All(r => r.Benchmark is not null)
                    ? p.Runs.Average(r => r.Benchmark!.Regret) : null,
                DifferenceToBaseline: c?.MeanDifference, DifferenceCiLow: Finite(c?.CiLow),
                DifferenceCiHigh: Finite(c?.CiHigh), PValue: c?.P, HolmPValue: c?.HolmP,
                SmallestPossibleP: c?.SmallestP,
                FailedRuns: Failed(p.Trainer, p.Selector));
        }).Concat(AllFailed(manifest, pairs, failed, metric, baseline)).Concat(notApplicable.Select(n =>
            new SummaryRow(n.Trainer, n.Selector, Runs: 0, Metric: metric, Baseline: baseline,
                NotApplicable: n.Reason))));
    }

    /// <summary>Pairs whose every run failed: no statistics, only how many failed.</summary>
    static IEnumerable<SummaryRow> AllFailed(ExperimentManifest manifest, IReadOnlyList<GridPair> pairs,
        IReadOnlyList<FailedCell> failed, string metric, string baseline) =>
        from t in manifest.Trainers
        from s in manifest.Selectors
        let count = failed.Count(f => f.Trainer == t.Id && f.Selector == s.Id)
        where count > 0 && !pairs.Any(p => p.Trainer == t.Id && p.Selector == s.Id)
        select new SummaryRow(t.Id, s.Id, Runs: 0, Metric: metric, Baseline: baseline, FailedRuns: count);

    static double? Cpu(NodeUsage? node) => node?.CpuSeconds is { } s ? Math.Round(s, 2) : null;

    static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    static string Method(IEnumerable<PluginSpec> specs, string id) => specs.First(s => s.Id == id).Method;
}
