namespace NasPipeline.Manifest;

/// <summary>A 1-based position in a manifest file.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
