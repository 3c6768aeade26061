using NasPipeline.Benchmarks;

namespace NasPipeline.Artifacts;

/// <summary>
/// One cell of the study grid: a (trainer, selector, seed) with its outcome under each configured evaluator and the
/// time each stage took. <see cref="TestAccuracy"/> and <see cref="Parameters"/> come from the retrain (null when
/// the <c>retrain</c> evaluator is off); <see cref="Benchmark"/> from the NAS-Bench-201 table (null when <c>nb201</c>
/// is off).
/// </summary>
public sealed record EvaluationArtifact(
    string Trainer, string TrainerMethod, string Selector, string SelectorMethod, int Seed, string Genotype,
    double? TestAccuracy, long? Parameters, BenchmarkResult? Benchmark,
    double TrainSeconds, double SelectSeconds, double RetrainSeconds, IReadOnlyList<string> Notes);
