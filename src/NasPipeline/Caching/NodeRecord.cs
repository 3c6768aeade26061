using System.Text.Json;

namespace NasPipeline.Caching;

/// <summary>
/// What the cache keeps per finished node, beside its files: the artifact record, when and how long it ran,
/// and the versions that produced it. Its presence marks the node done. <see cref="CpuSeconds"/> is the process's CPU
/// time (user + system, all threads) while the stage ran, for the report's compute and CO₂e account; null in records
/// written before it was recorded. <see cref="Files"/> lists every file of the node folder with its size and SHA-256
/// (see <see cref="NodeFile"/>), so a damaged node is never served; null in records written before files were listed,
/// which are therefore rebuilt once.
/// </summary>
public sealed record NodeRecord(
    string Stage, string Key, int Version, string Label, DateTime CreatedUtc, double Seconds,
    IReadOnlyDictionary<string, string> Versions, JsonElement Inputs, JsonElement Artifact, double? CpuSeconds = null,
    IReadOnlyList<NodeFile>? Files = null);
