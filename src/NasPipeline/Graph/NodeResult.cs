namespace NasPipeline.Graph;

/// <summary>What every finished node has, whatever its artifact type.</summary>
public interface INodeResult
{
    string Stage { get; }
    string Key { get; }
    string Label { get; }
    string Directory { get; }
    double Seconds { get; }
    double? CpuSeconds { get; }
    bool Cached { get; }
}

/// <summary>
/// A finished node: its artifact record, folder, wall and CPU seconds (CPU null when its record predates CPU time),
/// and whether this run built it or found it cached.
/// </summary>
public sealed record NodeResult<T>(
    string Stage, string Key, string Label, string Directory, T Artifact, double Seconds, bool Cached,
    double? CpuSeconds = null) : INodeResult
{
    public string PathOf(string file) => Path.Combine(Directory, file);
}
