using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.Selectors;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Selectors;

/// <summary>
/// The topology phase of ruocwang/darts-pt <c>sota/cnn/projection.py</c> <c>project_edge</c> (and Zero-Cost-PT's
/// copy): per node, zero each remaining input edge's row in turn and drop the edge whose removal scores highest
/// (<c>not compare(crit, extrema)</c>: the last on ties) until 2 remain. Hand-built scorers, no network.
/// </summary>
public sealed class EdgeProjectionTests
{
    static readonly ISearchSpace Darts = DartsSearchSpace.Instance;

    /// <summary>Per stacked edge how much the network needs it (rows: normal 0..13, reduce 14..27).</summary>
    static readonly double[] Importance =
    [
        1, 1, /* node 3 */ 5, 1, 9, /* node 4 */ 2, 8, 3, 7, /* node 5 */ 1, 2, 3, 4, 5,
        1, 1, /* node 3 */ 9, 8, 1, /* node 4 */ 1, 1, 9, 9, /* node 5 */ 9, 1, 1, 1, 9,
    ];

    /// <summary>The op each edge depends on (never none): removing it is what lowers the score.</summary>
    static int Target(int edge) => 1 + edge % 7;

    /// <summary>
    /// Σ over edges whose row is not all zero of their importance, plus a little for each edge's target op weight:
    /// the op phase keeps the targets; the node phase keeps each node's two most important inputs.
    /// </summary>
    static double Score(Tensor masked, double[] importance)
    {
        using var scope = NewDisposeScope();
        var alive = masked.abs().sum(1).gt(0).data<bool>().ToArray();
        var rows = masked.to(ScalarType.Float64).data<double>().ToArray();
        return Enumerable.Range(0, alive.Length)
            .Sum(e => (alive[e] ? importance[e] : 0) + 1e-3 * rows[e * 8 + Target(e)]);
    }

    static Tensor Uniform() => full(28, 8, 1f / 8);

    [Test]
    public void Run_Darts_KeepsEachNodesInputsWhoseRemovalLowersTheScoreMost()
    {
        using var weights = Uniform();
        var picks = EdgeProjection.Run(Darts, weights, ProjectionPlan.Of(Darts, "random", 1), false,
            masked => Score(masked, Importance), tiesByWeight: false);
        int[] kept = [0, 1, 2, 4, 6, 8, 12, 13, 14, 15, 16, 17, 21, 22, 23, 27];
        Assert.That(picks, Is.EqualTo(Enumerable.Range(0, 28).Select(e => kept.Contains(e) ? Target(e) : -1)));
        var genotype = EdgeProjection.Genotype(Darts, picks, false);
        Assert.That(genotype.Choices.SelectMany(c => c), Is.EqualTo(picks));
        Assert.That(Darts.Parse(genotype.ToString()), Is.EqualTo(genotype));
        Assert.That(EdgeProjection.Notes(Darts, picks, genotype).Single(), Is.EqualTo(
            "nodes: normal node 3 kept inputs 0, 2; normal node 4 kept inputs 1, 3; normal node 5 kept inputs 3, 4; " +
            "reduce node 3 kept inputs 0, 1; reduce node 4 kept inputs 2, 3; reduce node 5 kept inputs 0, 4"));
    }

    /// <summary>
    /// Every removal scores the same: the reference drops the last edge each time (ties replace the extremum), so
    /// every node keeps inputs 0 and 1; the op phase keeps the first op (strict comparison).
    /// </summary>
    [Test]
    public void Run_Darts_EqualScores_DropTheLastEdgeEachTime()
    {
        using var weights = Uniform();
        var calls = 0;
        var picks = EdgeProjection.Run(Darts, weights, ProjectionPlan.Of(Darts, "random", 2), true,
            _ =>
            {
                calls++;
                return 0.5;
            }, tiesByWeight: false);
        var expected = Darts.Parse(
            "Genotype(normal=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('max_pool_3x3', 1), " +
            "('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('max_pool_3x3', 1)], " +
            "normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 0), " +
            "('max_pool_3x3', 1), ('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 0), " +
            "('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])");
        Assert.That(EdgeProjection.Genotype(Darts, picks, true), Is.EqualTo(expected));
        Assert.That(calls, Is.EqualTo(2 * (14 * 7 + 3 + 4 + 5)), "7 ops per edge; each node's edges scored once");
    }

    /// <summary>A round decides the normal cell first; the reduce decision sees it applied.</summary>
    [Test]
    public void Run_Darts_RoundsAlternateNormalAndReduce_ReduceSeesTheNormalDecision()
    {
        using var weights = Uniform();
        var seen = new List<(bool Reduce, int Normal, int Reduced)>();
        var rounds = new List<(int Normal, int Reduce, int Dropped)>();
        static int OneHot(float[] rows, int from) =>
            Enumerable.Range(from, 14).Count(e => rows.Skip(e * 8).Take(8).Max() == 1f);
        EdgeProjection.Run(Darts, weights, ProjectionPlan.Of(Darts, "random", 4), false,
            masked =>
            {
                var rows = masked.data<float>().ToArray();
                // The edge being decided is the one uniform row with a zero.
                var decided = Enumerable.Range(0, 28).Where(e =>
                    rows.Skip(e * 8).Take(8).Count(v => v == 0f) == 1 && rows.Skip(e * 8).Take(8).Max() < 1f);
                if (decided.Any()) seen.Add((decided.Single() >= 14, OneHot(rows, 0), OneHot(rows, 14)));
                return Score(masked, Importance);
            },
            state =>
            {
                rounds.Add((state.Done.Take(14).Count(d => d), state.Done.Skip(14).Count(d => d),
                    state.Picks.Count(p => p < 0)));
                return state.Current;
            }, tiesByWeight: false);
        Assert.That(seen, Has.Count.EqualTo(2 * 14 * 8));
        Assert.That(seen.Where(s => !s.Reduce).Select(s => s.Normal - s.Reduced), Is.All.EqualTo(0));
        Assert.That(seen.Where(s => s.Reduce).Select(s => s.Normal - s.Reduced), Is.All.EqualTo(1));
        Assert.That(rounds.Take(14), Is.EqualTo(Enumerable.Range(1, 14).Select(r => (r, r, 0))));
        // Node rounds: one node per cell type each (3 nodes dropping 1, 2 and 3 edges, in the plan's order).
        Assert.That(rounds.Skip(14).Select(r => (r.Normal, r.Reduce)), Is.All.EqualTo((14, 14)));
        Assert.That(rounds, Has.Count.EqualTo(17));
        Assert.That(rounds[^1].Dropped, Is.EqualTo(2 * (1 + 2 + 3)));
    }

    /// <summary>A projection resumed from a state after a node round makes only the decisions left.</summary>
    [Test]
    public void Run_Darts_ResumedAfterANodeRound_EqualsTheWholeRun()
    {
        using var weights = Uniform();
        var plan = ProjectionPlan.Of(Darts, "random", 6);
        ProjectionState? afterFifteen = null;
        var whole = EdgeProjection.Run(Darts, weights, plan, false, masked => Score(masked, Importance),
            state =>
            {
                if (plan.RoundsDone(Darts, state) == 15)
                    afterFifteen = state with { Picks = state.Picks.ToArray(), Done = state.Done.ToArray(),
                        Current = state.Current.clone() };
                return state.Current;
            }, tiesByWeight: false);
        var calls = 0;
        var resumed = EdgeProjection.Run(Darts, weights, plan, false, masked =>
        {
            calls++;
            return Score(masked, Importance);
        }, from: afterFifteen, tiesByWeight: false);
        Assert.That(resumed, Is.EqualTo(whole));
        var left = plan.Rounds.Skip(15).SelectMany(r => r).Sum(d => d.Node!.Edges.Count);
        Assert.That(calls, Is.EqualTo(left));
        Assert.That(afterFifteen!.Picks.Count(p => p < 0), Is.GreaterThan(0), "a node round was done");
    }
}
