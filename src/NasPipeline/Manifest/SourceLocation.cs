namespace NasPipeline.Manifest;

/// <summary>
/// A 1-based position in a manifest file, or the file as a whole (<see cref="Line"/> 0) for problems no position
/// causes (an empty, binary or unreadable file).
/// </summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>The whole file: printed "file", without a line and column.</summary>
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);

    public bool HasPosition => Line > 0;

    public override string ToString() => HasPosition ? $"{File}:{Line}:{Column}" : File;
}
