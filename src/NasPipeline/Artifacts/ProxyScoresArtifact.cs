using NasPipeline.ProxyStudy;

namespace NasPipeline.Artifacts;

/// <summary>One proxy's scores for the proxy study's sampled architectures, and the data it read (scores.csv holds the same rows).</summary>
public sealed record ProxyScoresArtifact(string Proxy, bool UsesData, string Data, string ScoresFile, IReadOnlyList<ProxyScore> Scores);
