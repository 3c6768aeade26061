using NasPipeline.Benchmarks;

namespace NasPipeline.ProxyStudy;

/// <summary>
/// One proxy against the benchmark: its rank correlation with each of the table's accuracies over the sampled
/// architectures, the number of architectures it failed on (non-finite score), and what data it read.
/// </summary>
public sealed record ProxyCorrelation(
    string Proxy, string Data, int Architectures, int Failed,
    RankCorrelation Cifar10Valid, RankCorrelation Cifar10Test, RankCorrelation Cifar100Test,
    RankCorrelation ImageNet16Test)
{
    public static ProxyCorrelation Of(string proxy, string data, IReadOnlyList<ProxyScore> scores, Nb201Table table)
    {
        var entries = scores.Select(s => table.Lookup(s.Arch)).ToList();
        var values = scores.Select(s => s.Score ?? double.NaN).ToList();
        RankCorrelation Against(Func<Nb201Entry, double> accuracy) =>
            RankCorrelation.Of(values, entries.Select(accuracy).ToList());
        return new ProxyCorrelation(proxy, data, scores.Count, values.Count(v => !double.IsFinite(v)),
            Against(e => e.Cifar10Valid), Against(e => e.Cifar10Test), Against(e => e.Cifar100Test),
            Against(e => e.ImageNet16Test));
    }
}
