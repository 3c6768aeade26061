using NasPipeline.Benchmarks;
using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.Proxies;
using NasPipeline.ProxyStudy;

namespace NasPipeline.Tests.ProxyStudy;

public sealed class ProxyScoringTests
{
    static readonly Nb201Entry[] Archs =
    [
        Entry(3, "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"),
        Entry(7, "|none~0|+|avg_pool_3x3~0|none~1|+|skip_connect~0|none~1|nor_conv_1x1~2|"),
        Entry(9, "|nor_conv_1x1~0|+|skip_connect~0|none~1|+|nor_conv_1x1~0|none~1|avg_pool_3x3~2|"),
    ];

    static Nb201Entry Entry(int index, string arch) => new(index, arch, 0, 0, 0, 0, 0, null);

    [Test]
    public void Scores_DoNotDependOnWhichOtherArchitecturesWereSampled()
    {
        using var batch = BenchmarkBatch.DataFree(2);
        var all = ProxyScoring.Run(ProxyCatalog.Create("synflow"), Archs, batch, 10, seed: 4).Scores;
        var last = ProxyScoring.Run(ProxyCatalog.Create("synflow"), [Archs[2]], batch, 10, seed: 4).Scores;
        Assert.That(last.Single(), Is.EqualTo(all[2]));
        var otherSeed = ProxyScoring.Run(ProxyCatalog.Create("synflow"), [Archs[2]], batch, 10, seed: 5).Scores;
        Assert.That(otherSeed.Single().Score, Is.Not.EqualTo(all[2].Score));
    }

    [Test]
    public void Params_AreTheBuiltNetworksParameterCount()
    {
        using var batch = BenchmarkBatch.DataFree(1);
        var result = ProxyScoring.Run(ProxyCatalog.Create("params"), Archs, batch, 10, seed: 0);
        var scores = result.Scores;
        // The benchmark's own counts (params_m of ../shared/data/nb201/nb201.csv, rows 9930, 176 and 11328:
        // 1.288506, 0.101306 and 0.129306 million), not a sum over the network the code builds.
        Assert.That(scores.Select(s => s.Score), Is.EqualTo(new double?[] { 1_288_506, 101_306, 129_306 }));
        Assert.That(result.RssBytes, Has.Count.EqualTo(1).And.All.GreaterThan(0)); // settled once, at the end
    }

    sealed class NaNProxy : IProxy
    {
        public string Name => "nan";
        public bool UsesData => false;
        public double Score(ProxyInput input) => double.NaN;
    }

    [Test]
    public void NonFiniteScore_IsRecordedAsMissing_NotThrown()
    {
        using var batch = BenchmarkBatch.DataFree(1);
        var scores = ProxyScoring.Run(new NaNProxy(), Archs[..1], batch, 10, seed: 0).Scores;
        Assert.That(scores.Single().Score, Is.Null);
    }

    [Test]
    public void FromData_GreyImages_BecomeThreeChannels32x32_AndSaySo()
    {
        var synthetic = new SyntheticOptions(ImageSize: 28, Channels: 1, Classes: 3, TrainCount: 40,
            TestCount: 8, Noise: 0.3);
        var (train, test) = SyntheticData.Generate(synthetic, 0);
        var data = SearchData.Split(train, test, new DatasetSection("synthetic", null, 0, 0, 0, 0, synthetic, "none"));
        using var batch = BenchmarkBatch.FromData(data, "synthetic", 16, seed: 1);
        Assert.That(batch.Images.shape, Is.EqualTo(new long[] { 16, 3, 32, 32 }));
        Assert.That(batch.Labels.shape, Is.EqualTo(new long[] { 16 }));
        Assert.That(batch.Description,
            Is.EqualTo("16 synthetic training images (grey repeated to 3 channels, resized 28×28 → 32×32)"));
        // Same channel content in all three planes.
        Assert.That(batch.Images[.., 0].eq(batch.Images[.., 2]).all().item<bool>(), Is.True);
    }

    [TestCase("synflow")]
    [TestCase("nwot")]
    [TestCase("jacov")]
    [TestCase("snip")]
    public void Scoring_LeavesNoLiveTensorBehind(string proxy)
    {
        using var batch = BenchmarkBatch.FromData(TinyData(), "synthetic", 4, seed: 0);
        ProxyScoring.Run(ProxyCatalog.Create(proxy), Archs[..1], batch, 10, seed: 0); // warm-up: lazily created globals
        var before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        ProxyScoring.Run(ProxyCatalog.Create(proxy), Archs, batch, 10, seed: 0);
        Assert.That(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(before));
    }

    static SearchData TinyData()
    {
        var synthetic = new SyntheticOptions(ImageSize: 32, Channels: 3, Classes: 4, TrainCount: 16,
            TestCount: 4, Noise: 0.3);
        var (train, test) = SyntheticData.Generate(synthetic, 0);
        return SearchData.Split(train, test, new DatasetSection("synthetic", null, 0, 0, 0, 0, synthetic, "none"));
    }
}
