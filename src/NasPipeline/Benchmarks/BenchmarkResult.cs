namespace NasPipeline.Benchmarks;

/// <summary>
/// The <c>nb201</c> evaluator's answer for one selected architecture: the benchmark's own 200-epoch accuracies (%),
/// the architecture's rank among all architectures by CIFAR-10 test accuracy (1 = best; ties share a rank), the
/// share of architectures it beats or ties, and its regret (best CIFAR-10 test accuracy minus its own).
/// </summary>
public sealed record BenchmarkResult(
    double Cifar10Valid, double Cifar10Test, double Cifar100Test, double ImageNet16Test,
    int Rank, int Architectures, double Percentile, double Regret);
