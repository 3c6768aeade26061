using NasPipeline.Artifacts;
using NasPipeline.Manifest;
using NasPipeline.Reporting.Compute;

namespace NasPipeline.Reporting;

/// <summary>
/// Everything the report reads: the manifest, the grid's evaluations and n/a pairs, the supernets (for their
/// per-epoch metrics and mixing histories), what every node cost, the proxy study, and the versions that ran.
/// </summary>
public sealed record ReportInputs(
    ExperimentManifest Manifest, IReadOnlyList<EvaluationArtifact> Results,
    IReadOnlyList<NotApplicablePair> NotApplicable,
    IReadOnlyList<SupernetRun> Supernets, IReadOnlyList<NodeUsage> Usage, ProxyStudyInputs? ProxyStudy,
    IReadOnlyDictionary<string, string> Versions, DateTime GeneratedUtc)
{
    /// <summary>Cells whose nodes failed (on_failure = "continue"); empty when every node finished.</summary>
    public IReadOnlyList<FailedCell> Failed { get; init; } = [];

    /// <summary>
    /// The benchmark table's size and best CIFAR-10 test accuracy (the regret's reference), when the nb201
    /// evaluator ran; the report states them from the table rather than from memory.
    /// </summary>
    public (int Architectures, double BestCifar10Test)? Benchmark { get; init; }
}

/// <summary>
/// One trained supernet: its artifact (per-epoch metrics), the path of its mixing-weight history
/// (<c>mixing-history.json</c>: <c>mixing[epoch][edge][op]</c> at the end of each epoch) and its wall seconds.
/// </summary>
public sealed record SupernetRun(
    string Trainer, int Seed, SupernetArtifact Artifact, string HistoryPath, double Seconds);

/// <summary>The proxy study's table and, per proxy, each sampled architecture's score and benchmark accuracy.</summary>
public sealed record ProxyStudyInputs(
    ProxyStudyModel Model,
    IReadOnlyList<(string Proxy, string Correlation, IReadOnlyList<(double Score, double Accuracy)> Points)> Scatter);
