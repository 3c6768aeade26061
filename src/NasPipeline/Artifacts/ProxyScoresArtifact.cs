using NasPipeline.ProxyStudy;

namespace NasPipeline.Artifacts;

/// <summary>
/// One proxy's scores for the proxy study's sampled architectures (scores.csv holds the same rows), the data it
/// read, and the settled RSS every 100 architectures and at the end.
/// </summary>
public sealed record ProxyScoresArtifact(
    string Proxy, bool UsesData, string Data, string ScoresFile, IReadOnlyList<ProxyScore> Scores,
    IReadOnlyList<long> RssBytes);
