using NasPipeline.Artifacts;
using NasPipeline.Manifest;
using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Reporting;

/// <summary>
/// A trainer × selector pair with its runs and the statistics of each evaluator: retrain test accuracy, and the
/// benchmark's CIFAR-10 test accuracy. <see cref="Primary"/> is the one the tests, ranks and figures use: retrain
/// when it ran, else the benchmark.
/// </summary>
public sealed record GridPair(
    string Trainer, string Selector, IReadOnlyList<EvaluationArtifact> Runs, Summary? Retrain, Summary? Benchmark)
{
    public Summary Primary => (Retrain ?? Benchmark)!;

    /// <summary>The primary metric of each run, by seed (the pairing key of the paired tests).</summary>
    public IReadOnlyDictionary<int, double> PrimaryBySeed => Runs.ToDictionary(r => r.Seed,
        r => r.TestAccuracy ?? r.Benchmark!.Cifar10Test);

    /// <summary>Every pair that has results, in manifest order.</summary>
    public static IReadOnlyList<GridPair> Of(ExperimentManifest manifest, IReadOnlyList<EvaluationArtifact> results) =>
        (from t in manifest.Trainers
         from s in manifest.Selectors
         let runs = results.Where(r => r.Trainer == t.Id && r.Selector == s.Id).OrderBy(r => r.Seed).ToList()
         where runs.Count > 0
         select new GridPair(t.Id, s.Id, runs,
             runs.All(r => r.TestAccuracy is not null)
                 ? Summary.Of(runs.Select(r => r.TestAccuracy!.Value).ToList()) : null,
             Of(runs, b => b.Cifar10Test))).ToList();

    public static Summary? Of(IReadOnlyList<EvaluationArtifact> runs, Func<Benchmarks.BenchmarkResult, double> value) =>
        runs.All(r => r.Benchmark is not null) ? Summary.Of(runs.Select(r => value(r.Benchmark!)).ToList()) : null;
}
