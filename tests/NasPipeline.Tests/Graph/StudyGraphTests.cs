using NasPipeline.Caching;
using NasPipeline.Graph;
using NasPipeline.Training;

namespace NasPipeline.Tests.Graph;

/// <summary>The graph machinery on stand-in stages that count how often they run.</summary>
public sealed class StudyGraphTests
{
    sealed record Value(int Number);

    /// <summary>A stage whose key is its value; running it records the run.</summary>
    sealed class CountingStage(string name, int value, List<string> runs) : IStage<Value>
    {
        public string Name => name;
        public int Version => 1;
        public string Label => $"{name} {value}";
        public object Inputs => new { value };

        public Value Run(StageContext context)
        {
            runs.Add(Label);
            return new Value(value);
        }
    }

    static (StudyGraph Graph, GraphNode<Value> Report) Diamond(List<string> runs)
    {
        var graph = new StudyGraph();
        var a = graph.Add(new GraphNode<Value>("a", "up", "a", [], _ => new CountingStage("up", 1, runs)));
        var b = graph.Add(new GraphNode<Value>("b", "up", "b", [], _ => new CountingStage("up", 2, runs)));
        // Keys that come from upstream results and happen to agree (1 + 6 = 2 + 5), like two selections of one cell.
        var c = graph.Add(new GraphNode<Value>("c", "mid", "c", [a],
            u => new CountingStage("mid", u.Of(a).Artifact.Number + 6, runs)));
        var d = graph.Add(new GraphNode<Value>("d", "mid", "d", [b],
            u => new CountingStage("mid", u.Of(b).Artifact.Number + 5, runs)));
        var report = graph.Add(new GraphNode<Value>("r", "top", "r", [c, d],
            u => new CountingStage("top", u.Of(c).Artifact.Number + u.Of(d).Artifact.Number, runs)));
        return (graph, report);
    }

    static StageRunner Runner(string root) => new(new NodeStore(root), new MemoryLog(), NullProgress.Instance);

    [Test]
    public void Add_RejectsUnknownUpstreamAndDuplicateIds()
    {
        var graph = new StudyGraph();
        var orphan = new GraphNode<Value>("x", "up", "x", [], _ => throw new NotSupportedException());
        Assert.Throws<InvalidOperationException>(() =>
            graph.Add(new GraphNode<Value>("y", "up", "y", [orphan], _ => throw new NotSupportedException())));
        graph.Add(orphan);
        Assert.Throws<InvalidOperationException>(() =>
            graph.Add(new GraphNode<Value>("x", "up", "x", [], _ => throw new NotSupportedException())));
    }

    [Test]
    public void Upto_TakesTargetsAndTheirUpstream_InDependencyOrder()
    {
        var (graph, _) = Diamond([]);
        Assert.That(graph.Upto(n => n.Id == "c").Select(n => n.Id), Is.EqualTo(new[] { "a", "c" }));
        Assert.That(graph.Upto(n => n.Stage == "top").Select(n => n.Id), Is.EqualTo(new[] { "a", "b", "c", "d", "r" }));
    }

    [Test]
    public void Find_UnknownId_NamesTheKnownOnes()
    {
        var (graph, _) = Diamond([]);
        var e = Assert.Throws<KeyNotFoundException>(() => graph.Find("nope"))!;
        Assert.That(e.Message, Does.Contain("\"nope\"").And.Contain("a, b, c"));
    }

    [Test]
    public void Plan_BeforeAndAfterARun_CountsDistinctNodes()
    {
        using var dir = new TempDirectory();
        var runs = new List<string>();
        var (graph, _) = Diamond(runs);
        var runner = Runner(dir.Path);

        var before = StudyGraph.Plan(runner, graph.Nodes);
        Assert.That(before.Select(r => r.Status), Is.EqualTo(new[]
        {
            PlanRow.WillRun, PlanRow.WillRun, PlanRow.AfterUpstream, PlanRow.AfterUpstream, PlanRow.AfterUpstream,
        }));
        Assert.That(PlanRow.Summary(before), Is.EqualTo("plan: 5 nodes, 0 cached, 5 to run"));

        var results = new NodeResults();
        foreach (var node in graph.Nodes) results.Add(node, node.Bind(results).Run(runner));
        Assert.That(runs, Is.EqualTo(new[] { "up 1", "up 2", "mid 7", "top 14" }), "c and d share one key: built once");

        var after = StudyGraph.Plan(runner, graph.Nodes);
        Assert.That(PlanRow.Summary(after), Is.EqualTo("plan: 4 nodes, 4 cached, 0 to run"));
    }

    [Test]
    public void Walk_FindsCachedNodesOnly_AndNeverRuns()
    {
        using var dir = new TempDirectory();
        var runs = new List<string>();
        var (graph, report) = Diamond(runs);
        var runner = Runner(dir.Path);
        var a = graph.Find("a");
        a.Bind(new NodeResults()).Run(runner);
        runs.Clear();

        var found = StudyGraph.Walk(runner, graph.Nodes);
        Assert.That(graph.Nodes.Where(found.Has).Select(n => n.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(found.Has(report), Is.False);
        Assert.That(runs, Is.Empty);
    }
}
