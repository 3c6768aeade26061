using NasPipeline.Proxies;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Selectors.ZeroCost;
using NasPipeline.Tests.Trainers;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Selectors.ZeroCost;

public sealed class ZeroCostSelectorTests
{
    static readonly int[] Sequential = [0, 1, 2, 3, 4, 5];

    /// <summary>Mixing weights whose largest op is skip_connect on every edge (nor_conv_3x3 never is).</summary>
    static Tensor SkipHeavyWeights() =>
        tensor(Enumerable.Repeat(new[] { 0.1f, 0.4f, 0.2f, 0.15f, 0.15f }, 6).SelectMany(r => r).ToArray(), [6, 5]);

    /// <summary>A proxy that answers the n-th call with <c>scores(n)</c>, to drive the projection.</summary>
    sealed class Scripted(Func<int, double> scores) : IProxy
    {
        int _calls;
        public string Name => "scripted";
        public bool UsesData => false;
        public double Score(ProxyInput input) => scores(_calls++);
    }

    /// <summary>Scores every input twice with <paramref name="inner"/> and keeps both answers.</summary>
    sealed class Twice(IProxy inner) : IProxy
    {
        public List<(double First, double Second)> Scores { get; } = [];
        public string Name => inner.Name;
        public bool UsesData => inner.UsesData;
        public double Score(ProxyInput input)
        {
            var first = inner.Score(input);
            Scores.Add((first, inner.Score(input)));
            return first;
        }
    }

    static int[] Project(IProxy proxy, Tensor weights, List<string>? notes = null)
    {
        using var supernet = TrainerKit.Supernet();
        var batch = TrainerKit.RandomBatch(8);
        return ZeroCostSelector.Project(proxy, supernet, weights, Sequential, false, batch.Images, batch.Labels,
            notes is null ? null : notes.Add);
    }

    [TestCase("params")]
    [TestCase("flops")]
    public void StructuralProxy_KeepsTheLargestOp_OnEveryEdge(string proxy)
    {
        using var weights = SkipHeavyWeights();
        var picks = Project(ProxyCatalog.Create(proxy), weights);
        Assert.That(picks, Is.All.EqualTo(Nb201Space.OperationIndex("nor_conv_3x3")));
    }

    [Test]
    public void NaNCandidate_IsSkipped_AndNoted()
    {
        using var weights = SkipHeavyWeights();
        var notes = new List<string>();
        // Edge 0's first candidate (removing none) scores NaN, every other call scores its own call number.
        var picks = Project(new Scripted(n => n == 0 ? double.NaN : n), weights, notes);
        Assert.That(picks[0], Is.EqualTo(1), "the lowest finite score on edge 0 is removing skip_connect");
        Assert.That(notes, Has.Count.EqualTo(1));
        Assert.That(notes[0], Does.Contain("edge 0").And.Contain("none").And.Contain("NaN").And.Contain("skipped"));
    }

    [Test]
    public void MinusInfinity_IsAnOrdinaryLowestScore_AsInNanargmin()
    {
        using var weights = SkipHeavyWeights();
        var notes = new List<string>();
        var picks = Project(new Scripted(n => n == 3 ? double.NegativeInfinity : n), weights, notes);
        Assert.That(picks[0], Is.EqualTo(3));
        Assert.That(notes.Single(), Does.Contain("-∞").Or.Contain("Infinity"));
    }

    [Test]
    public void EveryCandidateNaN_OnAnEdge_FailsNamingTheEdgeAndTheProxy()
    {
        using var weights = SkipHeavyWeights();
        var error = Assert.Throws<InvalidOperationException>(() =>
            Project(new Scripted(n => n is >= 5 and < 10 ? double.NaN : n), weights))!;
        Assert.That(error.Message, Does.Contain("proxy scripted").And.Contain("edge 1").And.Contain("every candidate"));
    }

    [Test]
    public void Zen_ScoresEveryCandidateUnderTheSameDraw()
    {
        using var weights = SkipHeavyWeights();
        weights[0, 1] = tensor(0f); // removing none or skip_connect on edge 0 leaves the same network
        var proxy = new Twice(ProxyCatalog.Create("zen"));
        manual_seed(0);
        Project(proxy, weights);
        Assert.That(proxy.Scores, Has.Count.EqualTo(30));
        Assert.That(proxy.Scores.Select(s => s.Second), Is.EqualTo(proxy.Scores.Select(s => s.First)),
            "the same masked supernet scored twice");
        Assert.That(proxy.Scores[1].First, Is.EqualTo(proxy.Scores[0].First), "two candidates with the same network");
        Assert.That(proxy.Scores[3].First, Is.Not.EqualTo(proxy.Scores[0].First));
    }
}

public sealed class ZeroCostOptionsTests
{
    static NasPipeline.Manifest.TomlSection Section(string keys) =>
        NasPipeline.Manifest.TomlDocument.Parse(keys, "test.toml").Root;

    [Test]
    public void Read_ZenRepeats_AreTheProxysOwnOptions_AndPartOfTheNodeKey()
    {
        var options = ZeroCostOptions.Read(Section("repeats = 3"), "zen");
        Assert.That(options.ProxyOptions, Is.EqualTo(new NasPipeline.Proxies.Zen.ZenOptions(3)));
        Assert.That(System.Text.Json.JsonSerializer.Serialize(options), Does.Contain("\"Repeats\":3"));
        Assert.That(ProxyCatalog.Create("zen", options.ProxyOptions), Is.TypeOf<NasPipeline.Proxies.Zen.ZenProxy>());
    }

    [Test]
    public void Read_RepeatsForAProxyWithoutThem_IsAnUnknownKey()
    {
        var section = Section("repeats = 3");
        Assert.That(ZeroCostOptions.Read(section, "snip").ProxyOptions, Is.Null);
        Assert.Throws<NasPipeline.Manifest.ManifestException>(section.RejectUnknownKeys);
    }
}
