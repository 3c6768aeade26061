using System.Text.RegularExpressions;
using NasPipeline.Graph;

namespace NasPipeline.Tests.Stages;

/// <summary>The rerun rules of the study graph, on the real pipeline with a tiny synthetic study.</summary>
[Category("Integration")]
public sealed class ExperimentPipelineTests
{
    [Test]
    public void Rerun_NothingChanged_EveryNodeCached()
    {
        using var study = new TinyStudy();
        var (first, outcome) = study.Run(study.Manifest());
        Assert.That(first.Ran, Has.Some.StartsWith("train darts seed=0"));
        var (second, again) = study.Run(study.Manifest());
        Assert.That(second.Ran, Is.Empty);
        Assert.That(second.Cached.Count(), Is.EqualTo(first.Nodes.Count));
        Assert.That(again.Evaluations, Is.EqualTo(outcome.Evaluations).Using<NasPipeline.Artifacts.EvaluationArtifact>(
            (a, b) => a.Genotype == b.Genotype && a.TestAccuracy == b.TestAccuracy));
    }

    [Test]
    public void Rerun_OneSelectorChanged_RunsOnlyThatSelectorsNodesAndReport()
    {
        using var study = new TinyStudy();
        // Select nodes are keyed by method and options, not by id: give the changed selector a setting no other has.
        study.Run(study.Manifest(seeds: "[0, 1]", firstSelector: "exclude_none = true",
            secondSelector: "exclude_none = true"));
        var (log, outcome) = study.Run(study.Manifest(seeds: "[0, 1]", firstSelector: "exclude_none = true",
            secondSelector: "exclude_none = false"));

        Assert.That(log.Ran, Has.None.StartsWith("train"));
        Assert.That(log.Ran, Has.None.Contains("select mag from"));
        Assert.That(log.Ran.Where(l => l.StartsWith("select")),
            Is.EquivalentTo(new[] { "select mag-b from darts seed=0", "select mag-b from darts seed=1" }));
        Assert.That(log.Ran.Where(l => l.StartsWith("evaluate")),
            Is.EquivalentTo(new[] { "evaluate darts × mag-b seed=0", "evaluate darts × mag-b seed=1" }));
        Assert.That(log.Ran, Does.Contain("report tiny"));
        // A retrain may run only for an architecture the changed selector now picks.
        var picked = outcome.Evaluations.Where(e => e.Selector == "mag-b")
            .Select(e => $"retrain {e.Genotype} seed={e.Seed}");
        Assert.That(log.Ran.Where(l => l.StartsWith("retrain")), Is.SubsetOf(picked));
    }

    [Test]
    public void Rerun_SeedAdded_RunsOnlyTheNewSeedsNodes()
    {
        using var study = new TinyStudy();
        study.Run(study.Manifest(seeds: "[0]"));
        var (log, _) = study.Run(study.Manifest(seeds: "[0, 1]"));
        Assert.That(log.Ran.Where(l => l != "report tiny"), Is.Not.Empty.And.All.EndsWith("seed=1"));
        Assert.That(log.Cached, Has.Some.EqualTo("train darts seed=0"));
    }

    [Test]
    public void SelectorsPickingTheSameArchitecture_ShareOneRetrain()
    {
        using var study = new TinyStudy();
        // The same selector (magnitude, same options) under two ids reads the same supernet, so both pick the same
        // architecture by construction, whatever training learnt: what is tested is that the retrain is shared.
        const string sameSelector = "exclude_none = true";
        var (log, outcome) = study.Run(study.Manifest(firstSelector: sameSelector, secondSelector: sameSelector));
        Assert.That(outcome.Evaluations.Select(e => e.Selector), Is.EquivalentTo(new[] { "mag", "mag-b" }));
        Assert.That(log.Nodes.Count(n => n.Label.StartsWith("retrain")), Is.EqualTo(2), "one retrain node per cell");
        Assert.That(log.Ran.Count(l => l.StartsWith("retrain")), Is.EqualTo(1));
        Assert.That(log.Cached.Count(l => l.StartsWith("retrain")), Is.EqualTo(1));
        Assert.That(outcome.Evaluations.Select(e => e.TestAccuracy).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void SameManifestAndSeed_SameNumbers()
    {
        using var study = new TinyStudy();
        var (_, a) = study.Run(study.Manifest(), artifacts: study.Scratch("a"));
        var (_, b) = study.Run(study.Manifest(), artifacts: study.Scratch("b"));
        Assert.That(b.Evaluations.Select(e => (e.Genotype, e.TestAccuracy, e.Parameters)),
            Is.EqualTo(a.Evaluations.Select(e => (e.Genotype, e.TestAccuracy, e.Parameters))));
        var history = (string root) => File.ReadAllText(Directory.GetFiles(Path.Combine(root, "train"),
            "mixing-history.json", SearchOption.AllDirectories).Single());
        Assert.That(history(study.Scratch("b")), Is.EqualTo(history(study.Scratch("a"))));
    }

    [Test]
    public void Plan_AfterRun_ShowsEveryNodeCached_IncludingEvaluateAndReport()
    {
        using var study = new TinyStudy();
        var before = study.Plan(study.Manifest()).Plan;
        Assert.That(before.Single(r => r.Stage == "train").Status, Is.EqualTo(PlanRow.WillRun));
        Assert.That(PlanRow.Summary(before),
            Is.EqualTo($"plan: {before.Count} nodes, 0 cached, {before.Count} to run"));
        study.Run(study.Manifest());
        var after = study.Plan(study.Manifest()).Plan;
        Assert.That(after.Select(r => r.Stage).Distinct(),
            Is.EquivalentTo(new[] { "train", "select", "retrain", "evaluate", "report" }));
        Assert.That(after.Select(r => r.Status), Is.All.EqualTo(PlanRow.CachedStatus));
        Assert.That(PlanRow.Summary(after), Is.EqualTo($"plan: {after.Count} nodes, {after.Count} cached, 0 to run"));
    }

    [Test]
    public void Report_WritesSelfContainedFiles()
    {
        using var study = new TinyStudy();
        var (_, outcome) = study.Run(study.Manifest(seeds: "[0, 1]"));
        var folder = outcome.ReportDirectory!;
        Assert.That(new[] { "report.md", "report.html", "results.csv", "summary.csv" }.Select(f =>
            File.Exists(Path.Combine(folder, f))), Is.All.True);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        // Self-contained: no scripts or style sheets, every image embedded; links go only to anchors in the page or
        // to the SVG copies of the figures beside it.
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<link"));
        var sources = Regex.Matches(html, "src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.That(sources, Is.Not.Empty.And.All.StartWith("data:image/png;base64,"));
        var links = Regex.Matches(html, "href=\"([^\"]*)\"")
            .Select(m => m.Groups[1].Value).Where(h => !h.StartsWith('#'));
        Assert.That(links,
            Is.All.Matches<string>(h => h.StartsWith("figures/") && File.Exists(Path.Combine(folder, h))));
        var csv = File.ReadAllLines(Path.Combine(folder, "results.csv"));
        Assert.That(csv, Has.Length.EqualTo(1 + 2 * 2), "a header and one row per selector × seed");
        var md = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.That(md, Does.Contain("\\|"), "arch strings escape '|' inside Markdown tables");
    }

    [Test]
    public void FailingNode_LeavesNoPartialArtifacts()
    {
        using var study = new TinyStudy();
        var bad = study.Manifest(dataset: $"name = \"cifar10\"\npath = \"{study.Scratch("no-cifar")}\"");
        var (log, outcome) = study.Run(bad);
        Assert.That(outcome.Execution.Failed, Is.True);
        Assert.That(log.Failures.Single().Label, Is.EqualTo("train darts seed=0"));
        Assert.That(log.Failures.Single().Error, Does.Contain("CIFAR-10"));
        Assert.That(outcome.Execution.Outcomes.Where(o => o.Node.Stage != "train").Select(o => o.State),
            Is.All.EqualTo(NasPipeline.Graph.NodeState.Skipped), "everything downstream of the failed node is skipped");
        var train = Path.Combine(study.Artifacts, "train");
        Assert.That(!Directory.Exists(train) || Directory.GetFileSystemEntries(train).Length == 0, Is.True);
    }

    [Test]
    public void CudaDevice_OnThisCpuBuild_FailsBeforeAnyNode_NamingTheManifestPlace()
    {
        using var study = new TinyStudy();
        var path = study.Scratch("cuda.toml");
        File.WriteAllText(path, study.Manifest().Replace("threads = 1", "threads = 1\ndevice = \"cuda\""));
        var (exit, output) = ConsoleCapture.Run(() => NasPipeline.Tool.NasApp.Run(["train", "--manifest", path]));
        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain($"{path}:5:10: [experiment] device = \"cuda\" is not available")
            .And.Contain("TorchSharp-cpu"));
        Assert.That(output, Does.Not.Contain("[run   ]"));
    }

    [Test]
    public void ThreadCount_IsPartOfTheTrainKey()
    {
        using var study = new TinyStudy();
        var one = study.Plan(study.Manifest()).Plan;
        var two = study.Plan(study.Manifest().Replace("threads = 1", "threads = 2")).Plan;
        // libtorch splits reductions by thread: the same seed gives other floats with another thread count.
        Assert.That(two.Single(r => r.Stage == "train").Key, Is.Not.EqualTo(one.Single(r => r.Stage == "train").Key));
    }
}
