using NasPipeline.Training;

namespace NasPipeline.Artifacts;

/// <summary>
/// A trained supernet: file names (relative to the node folder) of its weights, mixing-weight history and
/// metrics, the shape needed to rebuild it, and the trainer's final mixing weights [edges][ops].
/// </summary>
public sealed record SupernetArtifact(
    string Method, int Channels, int CellsPerStage, int InputChannels, int Classes,
    string WeightsFile, string HistoryFile, string MetricsFile,
    double[][] FinalMixingWeights, IReadOnlyList<EpochMetrics> Epochs);
