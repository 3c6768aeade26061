using NasPipeline.Data;
using NasPipeline.Graph;
using NasPipeline.Stages;
using NasPipeline.Tests.Benchmarks;
using NasPipeline.Tool;

namespace NasPipeline.Tests.Stages;

/// <summary>
/// The nb201 evaluator and the proxy study on the real pipeline (tiny synthetic study, real benchmark table).
/// </summary>
[Category("Integration")]
public sealed class BenchmarkPipelineTests
{
    /// <summary>The shared table's path for manifests (skips the test, saying where it looked, without it).</summary>
    static string Table
    {
        get
        {
            SharedTable.Require();
            return SharedTable.Path.Replace("\\", "/");
        }
    }

    [Test]
    public void Nb201Only_SkipsRetrain_AndReportsBenchmarkNumbersLabelledAsSuch()
    {
        using var study = new TinyStudy();
        var (log, outcome) = study.Run(study.Manifest(extra: $"[benchmark]\ntable = " +
            $"\"{Table}\"\n\n[evaluation]\nevaluators = [\"nb201\"]\n"));
        Assert.That(log.Nodes.Select(n => n.Label), Has.None.StartsWith("retrain"));
        var table = SharedTable.Require();
        foreach (var e in outcome.Evaluations)
        {
            Assert.That(e.TestAccuracy, Is.Null);
            Assert.That(e.Benchmark, Is.EqualTo(table.Evaluate(e.Genotype)));
        }
        var report = File.ReadAllText(Path.Combine(outcome.ReportDirectory!, "report.md"));
        Assert.That(report, Does.Contain("NAS-Bench-201 CIFAR-10 test accuracy (benchmark, %)")
            .And.Contain("benchmark numbers looked up"));
        Assert.That(report, Does.Not.Contain("retrain test accuracy"));
        var csv = File.ReadAllLines(Path.Combine(outcome.ReportDirectory!, "results.csv"));
        Assert.That(csv[0], Does.Contain("Nb201Cifar10Test").And.Contain("Nb201Regret"));
    }

    [Test]
    public void RetrainAndNb201_ReportBothSideBySide()
    {
        using var study = new TinyStudy();
        var (_, outcome) = study.Run(study.Manifest(extra: $"[benchmark]\ntable = " +
            $"\"{Table}\"\n\n[evaluation]\nevaluators = [\"retrain\", \"nb201\"]\n"));
        Assert.That(outcome.Evaluations, Has.All.Matches<NasPipeline.Artifacts.EvaluationArtifact>(e =>
            e.TestAccuracy is not null && e.Benchmark is not null));
        var report = File.ReadAllText(Path.Combine(outcome.ReportDirectory!, "report.md"));
        Assert.That(report, Does.Contain("retrain test accuracy").And.Contain("NB201 C10 test"));
    }

    [Test]
    public void MissingTable_IsAClearErrorWithTheManifestPlace_BeforeTraining_AndExitCodeOne()
    {
        using var study = new TinyStudy();
        var path = study.Scratch("m.toml");
        File.WriteAllText(path,
            study.Manifest(extra: "[benchmark]\ntable = \"no/such.csv\"\n\n[evaluation]\nevaluators = [\"nb201\"]\n"));
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["evaluate", "--manifest", path]));
        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(output,
            Does.Contain($"{path}:").And.Contain("[benchmark] table = \"no/such.csv\": file not found"));
        Assert.That(output, Does.Not.Contain("[run   ] train"), "the table is checked before any training");
    }

    [Test]
    public void ProxyStudy_OneNodePerProxy_CorrelationsInReportAndCsv_AddingAProxyRunsOnlyIt()
    {
        using var study = new TinyStudy();
        string Manifest(string proxies) => $"""
            [experiment]
            name = "proxies"
            seeds = [0]
            threads = 1
            artifacts = "{study.Artifacts}"

            [dataset]
            name = "synthetic"
            image_size = 16
            channels = 3
            classes = 4
            train_count = 32
            test_count = 8

            [benchmark]
            table = "{Table}"

            [proxy_study]
            architectures = 6
            seed = 2
            proxies = [{proxies}]
            batch_size = 8

            [report]
            output = "{study.Reports}"
            """;
        var (first, outcome) = study.Run(Manifest("\"params\", \"nwot\""));
        Assert.That(first.Ran, Is.EquivalentTo(new[]
        {
            "proxy params on 6 NB201 architectures seed=2", "proxy nwot on 6 NB201 architectures seed=2",
            "report proxies"
        }));
        var report = File.ReadAllText(Path.Combine(outcome.ReportDirectory!, "report.md"));
        Assert.That(report, Does.Contain("## Proxies versus NAS-Bench-201"));
        Assert.That(report, Does.Contain("| params | none (data-free; input shape 3×32×32 only) | 6 |"));
        Assert.That(report, Does.Contain("| nwot | 8 synthetic training images (resized 16×16 → 32×32) | 6 |"));
        var csv = File.ReadAllLines(Path.Combine(outcome.ReportDirectory!, "proxy-correlations.csv"));
        Assert.That(csv, Has.Length.EqualTo(3));
        Assert.That(csv[0], Does.StartWith(
            "Proxy,UsesData,Data,Architectures,Failed,Seconds,RssFirstMb,RssLastMb,SpearmanCifar10Valid"));

        var (second, _) = study.Run(Manifest("\"params\", \"nwot\", \"synflow\""));
        Assert.That(second.Ran,
            Is.EquivalentTo(new[] { "proxy synflow on 6 NB201 architectures seed=2", "report proxies" }));
    }

    [Test]
    public void ProxyStudy_ConfiguredDataMissing_SaysWhichFiles()
    {
        using var study = new TinyStudy();
        var manifest = NasPipeline.Stages.StudyManifest.Parse($"""
            [experiment]
            name = "p"
            seeds = [0]
            artifacts = "{study.Artifacts}"

            [dataset]
            name = "cifar10"
            path = "{study.Scratch("no-cifar")}"

            [benchmark]
            table = "{Table}"

            [proxy_study]
            architectures = 3
            proxies = ["snip"]
            """, "p.toml");
        var runner = new StageRunner(new NasPipeline.Caching.NodeStore(study.Artifacts), new MemoryLog(),
            NasPipeline.Training.NullProgress.Instance);
        var logs = new NasPipeline.Execution.NodeLogs(study.Artifacts, "p");
        var outcome = new ExperimentPipeline(manifest, runner, RepoPaths.Templates)
            .Run(PipelineTarget.Report, new NasPipeline.Execution.InProcessExecutor(runner, logs));
        var failed = outcome.Execution.Outcomes.Single(o => o.State == NodeState.Failed);
        Assert.That(failed.Node.Id, Is.EqualTo("proxy/snip"));
        Assert.That(failed.Error, Does.StartWith("p.toml:8:8: [dataset] path = ").And.Contain("data_batch_1.bin"));
        Assert.That(File.ReadAllText(failed.Log!), Does.Contain(nameof(DataException)),
            "the log keeps the exception and its stack");
    }
}
