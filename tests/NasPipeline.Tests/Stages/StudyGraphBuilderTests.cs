using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Stages;

namespace NasPipeline.Tests.Stages;

/// <summary>The shape of a manifest's graph: which nodes exist and what each reads.</summary>
public sealed class StudyGraphBuilderTests
{
    static StudyGraph Graph(string path)
    {
        var manifest = StudyManifest.Load(Path.Combine(RepoPaths.Root, path));
        return StudyGraphBuilder.Build(manifest, new StudyResources(manifest, new MemoryLog()), RepoPaths.Templates);
    }

    [Test]
    public void DefaultStudy_HasOneNodePerSeedForSelectorsThatNeverReadASupernet()
    {
        // 3 trainers × 2 seeds; magnitude, pt and zc-synflow read each supernet, zc-pt and random do not.
        var graph = Graph("experiments/default.toml");
        int Count(string stage) => graph.Nodes.Count(n => n.Stage == stage);
        Assert.That(Count("train"), Is.EqualTo(6));
        Assert.That(Count("select"), Is.EqualTo(3 * 3 * 2 + 2 * 2));
        Assert.That(graph.Nodes.Where(n => n.Id.StartsWith("select/zc-pt/") || n.Id.StartsWith("select/random/"))
                .Select(n => n.Id),
            Is.EquivalentTo(new[] { "select/zc-pt/seed=0", "select/zc-pt/seed=1",
                "select/random/seed=0", "select/random/seed=1" }));
        Assert.That(graph.Find("select/zc-pt/seed=0").Upstream, Is.Empty);
        Assert.That(graph.Find("select/darts/pt/seed=1").Upstream.Select(u => u.Id),
            Is.EqualTo(new[] { "train/darts/seed=1" }));
        Assert.That(Count("retrain"), Is.EqualTo(Count("select")),
            "one retrain per selection; equal genotypes share a key");
        Assert.That(Count("evaluate"), Is.EqualTo(3 * 5 * 2), "one evaluation per grid cell");
        Assert.That(graph.Find("evaluate/gdas/random/seed=0").Upstream.Select(u => u.Id),
            Is.EqualTo(new[] { "train/gdas/seed=0", "select/random/seed=0", "retrain/random/seed=0" }));
        Assert.That(graph.Nodes[^1].Id, Is.EqualTo(StudyGraphBuilder.ReportId));
        // The report reads every node: results, and what each cost for the compute account.
        Assert.That(graph.Nodes[^1].Upstream, Has.Count.EqualTo(6 + 22 + 22 + 30));
        Assert.That(graph.Nodes[^1].Upstream, Is.EquivalentTo(graph.Nodes.Take(graph.Nodes.Count - 1)));
    }

    [Test]
    public void Nodes_ComeAfterEverythingTheyRead()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(RepoPaths.Root, "experiments"), "*.toml"))
        {
            var graph = Graph(Path.GetRelativePath(RepoPaths.Root, path));
            var seen = new HashSet<GraphNode>();
            foreach (var node in graph.Nodes)
            {
                Assert.That(node.Upstream, Is.SubsetOf(seen), $"{path}: {node.Id}");
                seen.Add(node);
            }
            Assert.That(graph.Nodes.Select(n => n.Id), Is.Unique);
        }
    }

    [Test]
    public void ProxyStudyAlone_HasProxyNodesAndAReport()
    {
        var graph = Graph("experiments/proxies-nb201.toml");
        Assert.That(graph.Nodes.Select(n => n.Stage).Distinct(), Is.EquivalentTo(new[] { "proxy", "report" }));
        Assert.That(graph.Find("proxy/synflow").Upstream, Is.Empty);
    }

    [Test]
    public void MagnitudeOnTrainersThatKeepAlphaFixed_HasNoNodes_AndIsNotApplicable()
    {
        var manifest = StudyManifest.Parse("""
            [experiment]
            name = "na"
            seeds = [0]
            [[trainers]]
            id = "darts"
            method = "darts"
            [[trainers]]
            id = "oneshot"
            method = "oneshot"
            [[trainers]]
            id = "rsws"
            method = "rsws"
            [[selectors]]
            id = "magnitude"
            method = "magnitude"
            [[selectors]]
            id = "pt"
            method = "pt"

            """, "na.toml");
        var graph = StudyGraphBuilder.Build(manifest, new StudyResources(manifest, new MemoryLog()),
            RepoPaths.Templates);
        Assert.That(graph.Nodes.Where(n => n.Stage == "evaluate").Select(n => n.Id), Is.EquivalentTo(new[]
        {
            "evaluate/darts/magnitude/seed=0", "evaluate/darts/pt/seed=0", "evaluate/oneshot/pt/seed=0",
            "evaluate/rsws/pt/seed=0",
        }));
        Assert.That(graph.Nodes.Select(n => n.Id),
            Has.None.Contain("oneshot/magnitude").And.None.Contain("rsws/magnitude"));
        Assert.That(StudyGraphBuilder.NotApplicable(manifest).Select(n => (n.Trainer, n.Selector)),
            Is.EqualTo(new[] { ("oneshot", "magnitude"), ("rsws", "magnitude") }));
        Assert.That(StudyGraphBuilder.NotApplicable(manifest)[0].Reason, Does.Contain("α"));
    }
}
