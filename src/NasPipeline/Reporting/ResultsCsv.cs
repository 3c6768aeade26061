using NasPipeline.Artifacts;
using NasPipeline.Manifest;

namespace NasPipeline.Reporting;

/// <summary>
/// The tidy results table: one row per trainer/selector/seed, and the pair summary. Retrain columns are empty when
/// the retrain evaluator is off; nb201_* columns are NAS-Bench-201 lookups, empty when the nb201 evaluator is off.
/// A pair that is not applicable has its rows (one per seed) with every result column empty and the reason in
/// <c>NotApplicable</c>, so a pivot over the grid sees it as missing, not as a number.
/// </summary>
public static class ResultsCsv
{
    public sealed record Row(
        string Experiment, string Trainer, string TrainerMethod, string Selector, string SelectorMethod, int Seed,
        string Genotype, double? TestAccuracy, long? Parameters,
        double? Nb201Cifar10Valid, double? Nb201Cifar10Test, double? Nb201Cifar100Test, double? Nb201ImageNet16Test,
        int? Nb201Rank, double? Nb201Percentile, double? Nb201Regret,
        double? TrainSeconds, double? SelectSeconds, double? RetrainSeconds, string NotApplicable);

    public sealed record SummaryRow(
        string Trainer, string Selector, int Runs, double? MeanAccuracy, double? StdAccuracy, double? MinAccuracy, double? MaxAccuracy,
        double? MeanNb201Cifar10Test, double? StdNb201Cifar10Test, double? MeanNb201Regret, string NotApplicable);

    public static void WriteResults(string path, ExperimentManifest manifest, IEnumerable<EvaluationArtifact> results,
        IReadOnlyList<NotApplicablePair> notApplicable)
    {
        var experiment = manifest.Experiment.Name;
        var rows = results.Select(r => new Row(
            experiment, r.Trainer, r.TrainerMethod, r.Selector, r.SelectorMethod, r.Seed,
            r.Genotype, r.TestAccuracy, r.Parameters,
            r.Benchmark?.Cifar10Valid, r.Benchmark?.Cifar10Test, r.Benchmark?.Cifar100Test, r.Benchmark?.ImageNet16Test,
            r.Benchmark?.Rank, r.Benchmark?.Percentile, r.Benchmark?.Regret,
            Math.Round(r.TrainSeconds, 2), Math.Round(r.SelectSeconds, 3), Math.Round(r.RetrainSeconds, 2), ""));
        var missing =
            from n in notApplicable
            from seed in manifest.Experiment.Seeds
            select new Row(experiment, n.Trainer, Method(manifest.Trainers, n.Trainer), n.Selector,
                Method(manifest.Selectors, n.Selector), seed, "", null, null, null, null, null, null, null, null, null,
                null, null, null, n.Reason);
        Csv.Write(path, rows.Concat(missing));
    }

    public static void WriteSummary(string path, IEnumerable<ReportBuilder.Pair> pairs,
        IReadOnlyList<NotApplicablePair> notApplicable) =>
        Csv.Write(path, pairs.Select(p => new SummaryRow(p.Trainer, p.Selector, p.Runs.Count,
            p.Retrain?.Mean, p.Retrain?.StandardDeviation, p.Retrain?.Minimum, p.Retrain?.Maximum,
            p.Benchmark?.Mean, p.Benchmark?.StandardDeviation,
            p.Runs.All(r => r.Benchmark is not null) ? p.Runs.Average(r => r.Benchmark!.Regret) : null, ""))
            .Concat(notApplicable.Select(n => new SummaryRow(n.Trainer, n.Selector, Runs: 0, MeanAccuracy: null,
                StdAccuracy: null, MinAccuracy: null, MaxAccuracy: null, MeanNb201Cifar10Test: null,
                StdNb201Cifar10Test: null, MeanNb201Regret: null, NotApplicable: n.Reason))));

    static string Method(IEnumerable<PluginSpec> specs, string id) => specs.First(s => s.Id == id).Method;
}
