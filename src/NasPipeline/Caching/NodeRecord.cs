using System.Text.Json;

namespace NasPipeline.Caching;

/// <summary>
/// What the cache keeps per finished node, beside its files: the artifact record, when and how long it ran,
/// and the versions that produced it. Its presence marks the node done.
/// </summary>
public sealed record NodeRecord(
    string Stage, string Key, int Version, string Label, DateTime CreatedUtc, double Seconds,
    IReadOnlyDictionary<string, string> Versions, JsonElement Inputs, JsonElement Artifact);
