namespace NasPipeline.ProxyStudy;

/// <summary>One architecture's proxy score; null when the proxy gave no finite number for it (NaN or ±∞).</summary>
public sealed record ProxyScore(int Index, string Arch, double? Score);
