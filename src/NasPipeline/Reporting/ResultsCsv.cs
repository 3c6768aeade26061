using NasPipeline.Artifacts;

namespace NasPipeline.Reporting;

/// <summary>
/// The tidy results table: one row per trainer/selector/seed, and the pair summary. Retrain columns are empty when
/// the retrain evaluator is off; nb201_* columns are NAS-Bench-201 lookups, empty when the nb201 evaluator is off.
/// </summary>
public static class ResultsCsv
{
    public sealed record Row(
        string Experiment, string Trainer, string TrainerMethod, string Selector, string SelectorMethod, int Seed,
        string Genotype, double? TestAccuracy, long? Parameters,
        double? Nb201Cifar10Valid, double? Nb201Cifar10Test, double? Nb201Cifar100Test, double? Nb201ImageNet16Test,
        int? Nb201Rank, double? Nb201Percentile, double? Nb201Regret,
        double TrainSeconds, double SelectSeconds, double RetrainSeconds);

    public sealed record SummaryRow(
        string Trainer, string Selector, int Runs, double? MeanAccuracy, double? StdAccuracy, double? MinAccuracy, double? MaxAccuracy,
        double? MeanNb201Cifar10Test, double? StdNb201Cifar10Test, double? MeanNb201Regret);

    public static void WriteResults(string path, string experiment, IEnumerable<EvaluationArtifact> results) =>
        Csv.Write(path, results.Select(r => new Row(experiment, r.Trainer, r.TrainerMethod, r.Selector, r.SelectorMethod, r.Seed,
            r.Genotype, r.TestAccuracy, r.Parameters,
            r.Benchmark?.Cifar10Valid, r.Benchmark?.Cifar10Test, r.Benchmark?.Cifar100Test, r.Benchmark?.ImageNet16Test,
            r.Benchmark?.Rank, r.Benchmark?.Percentile, r.Benchmark?.Regret,
            Math.Round(r.TrainSeconds, 2), Math.Round(r.SelectSeconds, 3), Math.Round(r.RetrainSeconds, 2))));

    public static void WriteSummary(string path, IEnumerable<ReportBuilder.Pair> pairs) =>
        Csv.Write(path, pairs.Select(p => new SummaryRow(p.Trainer, p.Selector, p.Runs.Count,
            p.Retrain?.Mean, p.Retrain?.StandardDeviation, p.Retrain?.Minimum, p.Retrain?.Maximum,
            p.Benchmark?.Mean, p.Benchmark?.StandardDeviation,
            p.Runs.All(r => r.Benchmark is not null) ? p.Runs.Average(r => r.Benchmark!.Regret) : null)));
}
