namespace NasPipeline.Benchmarks;

/// <summary>
/// One architecture's NAS-Bench-201 ground truth (200-epoch accuracies in %, seed means): CIFAR-10 valid and test
/// from NB201 v1_1; CIFAR-100 and ImageNet16-120 test from NATS-Bench (tss).
/// </summary>
public sealed record Nb201Entry(
    int Index, string Arch, double ParamsMillions, double Cifar10Valid, double Cifar10Test, double Cifar100Test,
    double ImageNet16Test, double? NaswotCifar10);
