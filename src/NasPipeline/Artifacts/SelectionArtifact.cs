namespace NasPipeline.Artifacts;

/// <summary>
/// The architecture a selector picked (the space's canonical genotype string, NB201's arch string) and its remarks
/// about the choice.
/// </summary>
public sealed record SelectionArtifact(string Method, string Genotype, IReadOnlyList<string> Notes);
