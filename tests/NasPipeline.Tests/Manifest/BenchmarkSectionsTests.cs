using NasPipeline.Stages;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Manifest;

/// <summary>
/// [benchmark], [evaluation] and [proxy_study]: what a well-formed manifest gets (errors are in
/// MalformedManifestTests).
/// </summary>
public sealed class BenchmarkSectionsTests
{
    const string Experiment = "[experiment]\nname = \"t\"\nseeds = [0]\n\n";
    const string Grid = "[[trainers]]\nid = \"darts\"\nmethod = \"darts\"\n\n[[selectors]]\nid = \"mag\"\nmethod = " +
        "\"magnitude\"\n\n";
    const string Benchmark = "[benchmark]\ntable = \"tables/nb201.csv\"\n\n";

    [Test]
    public void Defaults_RetrainOnly_NoBenchmarkNoProxyStudy()
    {
        var m = StudyManifest.Parse(Experiment + Grid, "m.toml");
        Assert.That(m.Evaluation.Evaluators, Is.EqualTo(new[] { "retrain" }));
        Assert.That((m.Evaluation.Retrain, m.Evaluation.Nb201, m.Benchmark.Table, m.ProxyStudy),
            Is.EqualTo((true, false, (string?)null, (ProxyStudySection?)null)));
    }

    [Test]
    public void Nb201Evaluator_WithTable_KeepsBothEvaluatorsAndTheTablesPlace()
    {
        var m = StudyManifest.Parse(Experiment + Grid + Benchmark + "[evaluation]\nevaluators = [\"retrain\", " +
            "\"nb201\"]\n", "m.toml");
        Assert.That((m.Evaluation.Retrain, m.Evaluation.Nb201), Is.EqualTo((true, true)));
        Assert.That(m.Benchmark.Table, Is.EqualTo("tables/nb201.csv"));
        Assert.That(m.Benchmark.Describe(), Is.EqualTo("m.toml:14:9: [benchmark] table = \"tables/nb201.csv\""));
    }

    [Test]
    public void ProxyStudyAlone_NeedsNoGrid()
    {
        var m = StudyManifest.Parse(Experiment + Benchmark + "[proxy_study]\narchitectures = 50\nproxies = " +
            "[\"synflow\", \"snip\"]\n", "m.toml");
        Assert.That(m.HasGrid, Is.False);
        Assert.That(m.ProxyStudy,
            Is.EqualTo(new ProxyStudySection(50, 0, ["synflow", "snip"], 64)).Using<ProxyStudySection>(
            (a, b) => a.Architectures == b.Architectures && a.Seed == b.Seed && a.Proxies.SequenceEqual(b.Proxies)
            && a.BatchSize == b.BatchSize));
    }

    [Test]
    public void DatasetPath_IsNamedWithItsPlace_ButNotInStageKeys()
    {
        var m = StudyManifest.Parse(Experiment + Grid +
            "[dataset]\nname = \"cifar10\"\npath = \"data/cifar10\"\n", "m.toml");
        Assert.That(m.Dataset.Describe(), Is.EqualTo("m.toml:15:8: [dataset] path = \"data/cifar10\""));
        Assert.That(NasPipeline.Caching.StageKey.CanonicalJson(m.Dataset), Does.Not.Contain("m.toml"));
    }
}
