using System.Diagnostics;
using NasPipeline.Benchmarks;
using NasPipeline.Proxies;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.ProxyStudy;

/// <summary>
/// Scores architectures with one proxy, each on its own freshly initialised benchmark-size network (C=16, N=5).
/// Each network's initialisation is seeded by (study seed, architecture index), so a score does not depend on
/// which other architectures were sampled or in what order. Every <see cref="SettleEvery"/> architectures (and at
/// the end) the process's memory is settled and its RSS recorded, so a leak shows as a rising series.
/// </summary>
public static class ProxyScoring
{
    public const int Channels = 16, CellsPerStage = 5, SettleEvery = 100;

    public sealed record Result(IReadOnlyList<ProxyScore> Scores, IReadOnlyList<long> RssBytes);

    public static Result Run(
        IProxy proxy, IReadOnlyList<Nb201Entry> architectures, BenchmarkBatch batch, int classes, int seed,
        Action<int, TimeSpan>? progress = null)
    {
        var scores = new List<ProxyScore>(architectures.Count);
        var rss = new List<long>();
        var clock = Stopwatch.StartNew();
        foreach (var entry in architectures)
        {
            using (NewDisposeScope())
            {
                Determinism.Seed(unchecked(seed * 15_625 + entry.Index));
                using var network = new DiscreteNetwork(Genotype.Parse(entry.Arch), Channels, CellsPerStage,
                    BenchmarkBatch.Channels, classes);
                var input = new ProxyInput(network, batch.Images, batch.Labels, network.Float64Copy);
                scores.Add(new ProxyScore(entry.Index, entry.Arch, Score(proxy, input)));
            }
            if (scores.Count % SettleEvery == 0 || scores.Count == architectures.Count) rss.Add(Memory.SettledRss());
            progress?.Invoke(scores.Count, Eta.Remaining(clock.Elapsed, scores.Count, architectures.Count));
        }
        return new Result(scores, rss);
    }

    // A proxy that overflows or divides by zero on one architecture is a data point (counted in the report), not
    // a reason to lose the other 999 scores.
    static double? Score(IProxy proxy, ProxyInput input)
    {
        try { return ProxyRunner.Score(proxy, input); }
        catch (NonFiniteScoreException) { return null; }
    }
}
