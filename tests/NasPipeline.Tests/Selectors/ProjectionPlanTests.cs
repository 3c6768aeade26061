using NasPipeline.Data;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Selectors;

namespace NasPipeline.Tests.Selectors;

/// <summary>
/// The rounds of ruocwang/darts-pt <c>sota/cnn/projection.py</c> and Zero-Cost-PT's
/// <c>sota/cnn/init_projection.py</c> <c>pt_project</c>: per round one normal decision, then one reduce decision;
/// 14 operation rounds, then 3 node rounds over <c>nid2eids</c> = {0: [2,3,4], 1: [5..8], 2: [9..13]}.
/// </summary>
public sealed class ProjectionPlanTests
{
    static readonly ISearchSpace Darts = DartsSearchSpace.Instance;

    [Test]
    public void ChoiceNodes_Darts_AreNodes3To5WithTheirIncomingEdges_Nb201HasNone()
    {
        var nodes = Darts.CellTypes[0].ChoiceNodes;
        Assert.That(nodes.Select(n => n.Node), Is.EqualTo(new[] { 3, 4, 5 }));
        Assert.That(nodes.Select(n => n.Edges), Is.EqualTo(new[]
            { new[] { 2, 3, 4 }, new[] { 5, 6, 7, 8 }, new[] { 9, 10, 11, 12, 13 } }));
        Assert.That(nodes.Select(n => n.Keep), Is.All.EqualTo(2));
        Assert.That(Darts.CellTypes[1].ChoiceNodes, Has.Count.EqualTo(3));
        Assert.That(Nb201SearchSpace.Instance.CellTypes.Single().ChoiceNodes, Is.Empty);
    }

    [TestCase("random")]
    [TestCase("sequential")]
    public void Of_Darts_InterleavesNormalAndReduce_OperationsThenNodes(string order)
    {
        var plan = ProjectionPlan.Of(Darts, order, 3);
        Assert.That(plan.Rounds, Has.Count.EqualTo(14 + 3));
        Assert.That(plan.Rounds.Select(r => r.Select(d => d.CellType)), Is.All.EqualTo(new[] { 0, 1 }));
        var operations = plan.Rounds.Take(14).ToList();
        Assert.That(operations.SelectMany(r => r).Select(d => d.Node), Is.All.Null);
        Assert.That(operations.Select(r => r[0].Edge!.Value).Order(), Is.EqualTo(Enumerable.Range(0, 14)));
        Assert.That(operations.Select(r => r[1].Edge!.Value).Order(), Is.EqualTo(Enumerable.Range(14, 14)));
        if (order == "sequential")
            Assert.That(operations.Select(r => r[0].Edge!.Value), Is.EqualTo(Enumerable.Range(0, 14)));
        var nodes = plan.Rounds.Skip(14).ToList();
        Assert.That(nodes.SelectMany(r => r).Select(d => d.Edge), Is.All.Null);
        Assert.That(nodes.Select(r => r[0].Node!.Node).Order(), Is.EqualTo(new[] { 3, 4, 5 }));
        Assert.That(nodes.Select(r => r[1].Node!.Node).Order(), Is.EqualTo(new[] { 3, 4, 5 }));
        Assert.That(plan.HasNodes, Is.True);
    }

    [Test]
    public void Of_Darts_NodeOrderIsSeeded()
    {
        var orders = Enumerable.Range(0, 8).Select(seed => string.Join(",", ProjectionPlan.Of(Darts, "random", seed)
            .Rounds.Skip(14).SelectMany(r => r).Select(d => d.Node!.Node))).ToList();
        Assert.That(orders.Distinct().Count(), Is.GreaterThan(1), "nodes in a random order, as np.random.choice");
        Assert.That(ProjectionPlan.Of(Darts, "random", 5).Describe(Darts),
            Is.EqualTo(ProjectionPlan.Of(Darts, "random", 5).Describe(Darts)));
    }

    /// <summary>NB201: one edge per round in <see cref="EdgeProjection.Order"/>, as before topology existed.</summary>
    [TestCase("random", 0)]
    [TestCase("random", 7)]
    [TestCase("sequential", 7)]
    public void Of_Nb201_IsOneEdgePerRoundInTheEdgeOrder(string order, int seed)
    {
        var space = Nb201SearchSpace.Instance;
        var plan = ProjectionPlan.Of(space, order, seed);
        var expected = order == "random" ? Permutation.Seeded(6, seed) : [0, 1, 2, 3, 4, 5];
        Assert.That(plan.Rounds.Select(r => r.Single().Edge), Is.EqualTo(expected));
        Assert.That(plan.HasNodes, Is.False);
        Assert.That(plan.RoundName, Is.EqualTo("edge decisions"));
        Assert.That(plan.Describe(space), Is.EqualTo($"edges in order {string.Join(",", expected)}"));
    }
}
