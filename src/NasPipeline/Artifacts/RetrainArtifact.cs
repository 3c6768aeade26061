using NasPipeline.Training;

namespace NasPipeline.Artifacts;

/// <summary>A discrete network trained from scratch and its test-set result.</summary>
public sealed record RetrainArtifact(
    string Genotype, double TestAccuracy, double TestLoss, long Parameters, int TestImages, string MetricsFile,
    IReadOnlyList<EpochMetrics> Epochs);
