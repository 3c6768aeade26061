namespace NasPipeline.Artifacts;

/// <summary>The rendered report files (names relative to the node folder).</summary>
public sealed record ReportArtifact(IReadOnlyList<string> Files);
