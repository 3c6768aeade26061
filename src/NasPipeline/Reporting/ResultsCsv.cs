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
    public sealed record Row(
        string Experiment, string Trainer, string TrainerMethod, string Selector, string SelectorMethod, int Seed,
        string Genotype, double? TestAccuracy, long? Parameters,
        double? Nb201Cifar10Valid, double? Nb201Cifar10Test, double? Nb201Cifar100Test, double? Nb201ImageNet16Test,
        int? Nb201Rank, double? Nb201Percentile, double? Nb201Regret,
        double? TrainSeconds, double? TrainCpuSeconds, double? SelectSeconds, double? SelectCpuSeconds,
        double? RetrainSeconds, double? RetrainCpuSeconds, int? Threads, string Device, string NotApplicable,
        string Failed = "");

    /// <summary>
    /// One pair: mean, sample std, 95 % t interval and extremes of each metric over seeds; the paired comparison of
    /// the primary metric (<c>Metric</c>) with the baseline selector (difference, its interval, exact sign-flip p,
    /// Holm-adjusted p, and the smallest p the number of seeds allows).
    /// </summary>
    public sealed record SummaryRow(
        string Trainer, string Selector, int Runs, double? MeanAccuracy, double? StdAccuracy, double? CiLowAccuracy,
        double? CiHighAccuracy, double? MinAccuracy, double? MaxAccuracy, double? MeanNb201Cifar10Test,
        double? StdNb201Cifar10Test, double? CiLowNb201Cifar10Test, double? CiHighNb201Cifar10Test,
        double? MeanNb201Regret, string Metric, string Baseline, double? DifferenceToBaseline,
        double? DifferenceCiLow, double? DifferenceCiHigh, double? PValue, double? HolmPValue,
        double? SmallestPossibleP,
        string NotApplicable, int FailedRuns = 0);

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
            r.Genotype, r.TestAccuracy, r.Parameters,
            r.Benchmark?.Cifar10Valid, r.Benchmark?.Cifar10Test, r.Benchmark?.Cifar100Test, r.Benchmark?.ImageNet16Test,
            r.Benchmark?.Rank, r.Benchmark?.Percentile, r.Benchmark?.Regret,
            TrainSeconds: Math.Round(r.TrainSeconds, 2), TrainCpuSeconds: Cpu(Node("train", r)),
            SelectSeconds: Math.Round(r.SelectSeconds, 3), SelectCpuSeconds: Cpu(Node("select", r)),
            RetrainSeconds: Math.Round(r.RetrainSeconds, 2), RetrainCpuSeconds: Cpu(Node("retrain", r)),
            Threads: compute.Threads, Device: compute.Device, NotApplicable: ""));
        var missing =
            from n in notApplicable
            from seed in manifest.Experiment.Seeds
            select new Row(experiment, n.Trainer, Method(manifest.Trainers, n.Trainer), n.Selector,
                Method(manifest.Selectors, n.Selector), seed, "", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, "", n.Reason);
        var failedRows =
            from f in failed ?? []
            where f.Trainer.Length > 0
            select new Row(experiment, f.Trainer, Method(manifest.Trainers, f.Trainer), f.Selector,
                Method(manifest.Selectors, f.Selector), f.Seed, "", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, "", "", $"{f.Stage}: {f.Reason}");
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
            return new SummaryRow(p.Trainer, p.Selector, p.Runs.Count,
                p.Retrain?.Mean, p.Retrain?.StandardDeviation, Finite(p.Retrain?.CiLow), Finite(p.Retrain?.CiHigh),
                p.Retrain?.Minimum, p.Retrain?.Maximum,
                p.Benchmark?.Mean, p.Benchmark?.StandardDeviation, Finite(p.Benchmark?.CiLow),
                Finite(p.Benchmark?.CiHigh),
                p.Runs.All(r => r.Benchmark is not null) ? p.Runs.Average(r => r.Benchmark!.Regret) : null,
                metric, baseline, c?.MeanDifference, Finite(c?.CiLow), Finite(c?.CiHigh), c?.P, c?.HolmP,
                c?.SmallestP, "", Failed(p.Trainer, p.Selector));
        }).Concat(AllFailed(manifest, pairs, failed, metric, baseline)).Concat(notApplicable.Select(n => new SummaryRow(
            n.Trainer, n.Selector, Runs: 0, MeanAccuracy: null,
            StdAccuracy: null, CiLowAccuracy: null, CiHighAccuracy: null, MinAccuracy: null, MaxAccuracy: null,
            MeanNb201Cifar10Test: null, StdNb201Cifar10Test: null, CiLowNb201Cifar10Test: null,
            CiHighNb201Cifar10Test: null, MeanNb201Regret: null, Metric: metric, Baseline: baseline,
            DifferenceToBaseline: null, DifferenceCiLow: null, DifferenceCiHigh: null, PValue: null, HolmPValue: null,
            SmallestPossibleP: null, NotApplicable: n.Reason))));
    }

    /// <summary>Pairs whose every run failed: no statistics, only how many failed.</summary>
    static IEnumerable<SummaryRow> AllFailed(ExperimentManifest manifest, IReadOnlyList<GridPair> pairs,
        IReadOnlyList<FailedCell> failed, string metric, string baseline) =>
        from t in manifest.Trainers
        from s in manifest.Selectors
        let count = failed.Count(f => f.Trainer == t.Id && f.Selector == s.Id)
        where count > 0 && !pairs.Any(p => p.Trainer == t.Id && p.Selector == s.Id)
        select new SummaryRow(t.Id, s.Id, Runs: 0, MeanAccuracy: null, StdAccuracy: null, CiLowAccuracy: null,
            CiHighAccuracy: null, MinAccuracy: null, MaxAccuracy: null, MeanNb201Cifar10Test: null,
            StdNb201Cifar10Test: null, CiLowNb201Cifar10Test: null, CiHighNb201Cifar10Test: null,
            MeanNb201Regret: null, Metric: metric, Baseline: baseline, DifferenceToBaseline: null,
            DifferenceCiLow: null, DifferenceCiHigh: null, PValue: null, HolmPValue: null, SmallestPossibleP: null,
            NotApplicable: "", FailedRuns: count);

    static double? Cpu(NodeUsage? node) => node?.CpuSeconds is { } s ? Math.Round(s, 2) : null;

    static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    static string Method(IEnumerable<PluginSpec> specs, string id) => specs.First(s => s.Id == id).Method;
}
