namespace NasPipeline.Graph;

/// <summary>A finished node: its artifact record, folder, and whether this run built it or found it cached.</summary>
public sealed record NodeResult<T>(string Stage, string Key, string Label, string Directory, T Artifact, double Seconds, bool Cached)
{
    public string PathOf(string file) => Path.Combine(Directory, file);
}
