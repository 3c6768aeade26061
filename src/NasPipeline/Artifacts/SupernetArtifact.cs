using System.Text.Json.Serialization;
using NasPipeline.Training;

namespace NasPipeline.Artifacts;

/// <summary>
/// A trained supernet: file names (relative to the node folder) of its weights, mixing-weight history and
/// metrics, the shape needed to rebuild it, and the trainer's final mixing weights [stacked edges][ops]: every cell
/// type's rows in the space's order (NB201: its 6 edges, as before the seam; DARTS: 14 normal then 14 reduce), which
/// <c>ISearchSpace.Split</c> turns back into one block per cell type. The mixing history file holds the same rows
/// per epoch. Depth is the space's (NB201: cells per stage; DARTS: layers), stored under its first name.
/// </summary>
public sealed record SupernetArtifact(
    string Method, int Channels, [property: JsonPropertyName("CellsPerStage")] int Depth, int InputChannels,
    int Classes,
    string WeightsFile, string HistoryFile, string MetricsFile,
    double[][] FinalMixingWeights, IReadOnlyList<EpochMetrics> Epochs);
