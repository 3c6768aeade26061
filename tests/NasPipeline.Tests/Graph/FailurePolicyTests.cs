using NasPipeline.Graph;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Graph;

/// <summary>Which nodes may start after a failure, and which failure a node without a result owes to.</summary>
public sealed class FailurePolicyTests
{
    sealed class Nothing : IStage<int>
    {
        public string Name => "x";
        public int Version => 1;
        public string Label => "x";
        public object Inputs => 0;
        public int Run(StageContext context) => 0;
    }

    static GraphNode<int> Node(string id, params GraphNode[] upstream) =>
        new(id, id.Split('/')[0], id, upstream, _ => new Nothing());

    static readonly GraphNode<int> Train = Node("train/a"), Other = Node("train/b");
    static readonly GraphNode<int> Select = Node("select/a", Train), Evaluate = Node("evaluate/a", Train, Select);
    static readonly GraphNode<int> Report = new("report", "report", "report", [Evaluate, Other], _ => new Nothing())
    {
        Gathers = true,
    };

    [Test]
    public void Stop_StartsNothingOnceANodeFailed()
    {
        var failed = new HashSet<GraphNode> { Train };
        Assert.That(FailurePolicy.MayStart(Other, OnFailure.Stop, failed), Is.False);
        Assert.That(FailurePolicy.MayStart(Report, OnFailure.Stop, failed), Is.False);
        Assert.That(FailurePolicy.MayStart(Other, OnFailure.Stop, new HashSet<GraphNode>()), Is.True);
    }

    [Test]
    public void Continue_StartsIndependentNodesAndTheGatheringReport_NotTheFailedNodesReaders()
    {
        var failed = new HashSet<GraphNode> { Train };
        Assert.That(FailurePolicy.MayStart(Other, OnFailure.Continue, failed), Is.True);
        Assert.That(FailurePolicy.MayStart(Select, OnFailure.Continue, failed), Is.False);
        Assert.That(FailurePolicy.MayStart(Report, OnFailure.Continue, failed), Is.True);
    }

    [Test]
    public void Cause_OfASkippedNode_IsTheFailedNodeUpstream()
    {
        var results = new NodeResults();
        results.Fail(Train, "train a: loss is NaN at epoch 1/2 step 3/3 (lr 0.1)");
        Assert.That(results.Cause(Evaluate),
            Is.EqualTo(new NodeFailure(Train, "train a: loss is NaN at epoch 1/2 step 3/3 (lr 0.1)")));
        Assert.That(results.Cause(Other), Is.EqualTo(new NodeFailure(Other, "not built")));
    }
}
