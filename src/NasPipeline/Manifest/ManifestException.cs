namespace NasPipeline.Manifest;

/// <summary>A manifest problem tied to the place in the file that causes it.</summary>
public sealed class ManifestException(SourceLocation location, string problem)
    : Exception($"{location}: error: {problem}")
{
    public SourceLocation Location { get; } = location;
    public string Problem { get; } = problem;

    /// <summary>MSBuild's canonical error format, which build logs and IDEs turn into clickable errors.</summary>
    public string ToMsBuildFormat() => Location.HasPosition
        ? $"{Location.File}({Location.Line},{Location.Column}): error NAS001: {Problem}"
        : $"{Location.File}: error NAS001: {Problem}";
}
