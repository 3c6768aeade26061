namespace NasPipeline.Artifacts;

/// <summary>The architecture a selector picked (NB201 arch string) and its remarks about the choice.</summary>
public sealed record SelectionArtifact(string Method, string Genotype, IReadOnlyList<string> Notes);
