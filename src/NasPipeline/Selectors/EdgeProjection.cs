using System.Globalization;
using NasPipeline.Data;
using NasPipeline.SearchSpaces;
using static TorchSharp.torch;

namespace NasPipeline.Selectors;

/// <summary>
/// Deciding an architecture one edge at a time, as DARTS-PT and the zero-cost projections do, in the rounds of a
/// <see cref="ProjectionPlan"/>. An edge decision (<c>project_op</c>): remove each candidate op in turn (its mixing
/// weight set to 0, decided edges as decided), score the network, and keep the op whose removal leaves the lowest
/// score (it mattered most); among equal scores (accuracy moves in steps) the op with the larger current mixing
/// weight, or, as DARTS-PT's and Zero-Cost-PT's strict comparisons and <c>nanargmin</c> do, the first op in
/// canonical order. The edge then becomes one-hot. A node decision (the topology phase, <c>project_edge</c> in
/// ruocwang/darts-pt <c>sota/cnn/projection.py</c> and Zero-Cost-PT's <c>sota/cnn/init_projection.py</c>): remove
/// each of the node's incoming edges in turn (its whole row 0), score, and drop the edge whose removal leaves the
/// highest score (it mattered least; the last such edge on ties, as the references' <c>not compare(crit,
/// extrema)</c>), until the node has as many inputs as it keeps; dropped rows stay 0 and their pick is −1. Edges
/// are the space's stacked edges (<see cref="StackedEdges"/>: every cell type's, in order) and weights
/// [stacked edges, ops].
/// </summary>
public static class EdgeProjection
{
    /// <summary>Edge order: 0..edges−1 (NB201: 0..5), or a seeded permutation.</summary>
    public static int[] Order(ISearchSpace space, string order, int seed) =>
        order == "random"
            ? Permutation.Seeded(space.Count(), seed)
            : Enumerable.Range(0, space.Count()).ToArray();

    /// <summary>
    /// <see cref="Run(ISearchSpace, Tensor, ProjectionPlan, bool, Func{Tensor, double}, Func{ProjectionState, Tensor}?,
    /// ProjectionState?, Action{string}?, string, bool)"/> deciding edges in <paramref name="order"/> (stacked
    /// edges), nodes in the plan's seeded order.
    /// </summary>
    public static int[] Run(
        ISearchSpace space, Tensor weights, IReadOnlyList<int> order, bool excludeNone,
        Func<Tensor, double> scoreWithout,
        Func<ProjectionState, Tensor>? decided = null, ProjectionState? from = null, Action<string>? note = null,
        string criterion = "score", bool tiesByWeight = true) =>
        Run(space, weights, ProjectionPlan.Of(space, order), excludeNone, scoreWithout, decided, from, note,
            criterion, tiesByWeight);

    /// <param name="space">The space whose stacked edges are decided.</param>
    /// <param name="weights">Starting mixing weights [stacked edges, ops]; not modified.</param>
    /// <param name="plan">The decisions, round by round.</param>
    /// <param name="excludeNone">True: <c>none</c> is never a candidate of an operation decision.</param>
    /// <param name="scoreWithout">
    /// Score of the network under the given weights; lower = the removed op (or edge) mattered more.
    /// </param>
    /// <param name="decided">
    /// Called after each round with the picks and edges decided so far and the projected weights; returns the
    /// weights to go on with (DARTS-PT fine-tunes α, which moves the undecided edges). Decided rows of what it
    /// returns are set again to their decision (one-hot, or 0 for a dropped edge), as the references'
    /// <c>get_projected_weights</c> overrides them in every forward.
    /// </param>
    /// <param name="from">
    /// Where a resumed projection goes on (its decisions are skipped); null: the start.
    /// </param>
    /// <param name="note">Told of every candidate that scored NaN or ±∞ (for the selection's notes).</param>
    /// <param name="criterion">What the score is, for notes and errors (e.g. "proxy nwot").</param>
    /// <param name="tiesByWeight">
    /// Among equal scores of an edge's ops: true, the larger mixing weight; false, the first op.
    /// </param>
    /// <returns>Per stacked edge the op kept, or −1 where a node decision dropped the edge.</returns>
    /// <remarks>
    /// Non-finite scores of an op are handled as the Zero-Cost-PT reference's <c>np.nanargmin</c> handles them: a
    /// candidate that scored NaN is skipped; ±∞ are ordinary values (−∞ wins: removing that op broke the
    /// network); an edge whose every candidate scored NaN fails, naming the edge and the criterion. A node decision
    /// compares as the references' <c>not (crit &lt; extrema)</c> does, NaN included (a NaN is dropped unless a later
    /// edge replaces it, which any later edge does). Each of a node's edges is scored once: the references score the
    /// node again after each drop, but with only the candidate row zeroed (the dropped ones are applied after the
    /// loop), so on the same data they score the same weights again.
    /// </remarks>
    public static int[] Run(
        ISearchSpace space, Tensor weights, ProjectionPlan plan, bool excludeNone,
        Func<Tensor, double> scoreWithout,
        Func<ProjectionState, Tensor>? decided = null, ProjectionState? from = null, Action<string>? note = null,
        string criterion = "score", bool tiesByWeight = true)
    {
        var current = (from?.Current ?? weights).detach().clone();
        var picks = from?.Picks.ToArray() ?? new int[space.Count()];
        var done = from?.Done.ToArray() ?? new bool[space.Count()];
        foreach (var round in plan.Rounds)
        {
            var made = 0;
            foreach (var decision in round)
            {
                if (decision.IsMade(space, new ProjectionState(picks, done, current))) continue;
                if (decision.Edge is { } edge)
                    DecideOperation(space, current, picks, done, edge, excludeNone, scoreWithout, note, criterion,
                        tiesByWeight);
                else
                    DecideNode(space, current, picks, done, decision.NodeEdges(space), decision.Node!.Keep,
                        scoreWithout, note, criterion);
                made++;
            }
            if (made == 0 || decided is null) continue;
            current = decided(new ProjectionState(picks, done, current)).detach().clone();
            Project(space, current, picks, done);
        }
        return picks;
    }

    static void DecideOperation(ISearchSpace space, Tensor current, int[] picks, bool[] done, int edge,
        bool excludeNone, Func<Tensor, double> scoreWithout, Action<string>? note, string criterion,
        bool tiesByWeight)
    {
        var best = -1;
        var (bestScore, bestWeight) = (double.NaN, double.NaN);
        var candidates = 0;
        var operations = space.Edge(edge).Operations;
        var none = space.Edge(edge).OperationIndex("none");
        for (var op = 0; op < operations.Count; op++)
        {
            if (excludeNone && op == none) continue;
            candidates++;
            using var masked = current.clone();
            masked[edge, op] = tensor(0f, masked.dtype);
            var score = scoreWithout(masked);
            if (!double.IsFinite(score))
                note?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{criterion}: removing {operations[op]} on edge {space.EdgeName(edge)} scored {score}") +
                    (double.IsNaN(score) ? "; skipped" : ""));
            if (double.IsNaN(score)) continue;
            var weight = current[edge, op].to(ScalarType.Float64).item<double>();
            if (best < 0 || score < bestScore || (tiesByWeight && score == bestScore && weight > bestWeight))
                (best, bestScore, bestWeight) = (op, score, weight);
        }
        if (best < 0)
            throw new InvalidOperationException(
                $"{criterion}: every candidate on edge {space.EdgeName(edge)} ({candidates} op(s)) scored NaN " +
                "when removed, so no op can be chosen there");
        picks[edge] = best;
        current[edge] = nn.functional.one_hot(tensor((long)best), operations.Count).to(current.dtype);
        done[edge] = true;
    }

    static void DecideNode(ISearchSpace space, Tensor current, int[] picks, bool[] done, int[] edges, int keep,
        Func<Tensor, double> scoreWithout, Action<string>? note, string criterion)
    {
        var scores = new Dictionary<int, double>();
        foreach (var edge in edges)
        {
            using var masked = current.clone();
            using (var row = masked[edge]) row.zero_();
            var score = scores[edge] = scoreWithout(masked);
            if (!double.IsFinite(score))
                note?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{criterion}: removing edge {space.EdgeName(edge)} scored {score}"));
        }
        var kept = edges.ToList();
        while (kept.Count > keep)
        {
            var drop = -1;
            var extreme = double.NaN;
            foreach (var edge in kept)
                if (drop < 0 || !(scores[edge] < extreme)) (drop, extreme) = (edge, scores[edge]);
            kept.Remove(drop);
        }
        foreach (var edge in edges.Except(kept))
        {
            picks[edge] = -1;
            done[edge] = true;
            using var row = current[edge];
            row.zero_();
        }
    }

    /// <summary>Sets each decided row of <paramref name="weights"/> to its decision (one-hot; 0 if dropped).</summary>
    static void Project(ISearchSpace space, Tensor weights, int[] picks, bool[] done)
    {
        for (var edge = 0; edge < picks.Length; edge++)
        {
            if (!done[edge]) continue;
            using var row = weights[edge];
            row.zero_();
            if (picks[edge] < 0) continue;
            using var one = row[picks[edge]];
            one.fill_(1);
        }
    }

    /// <summary>
    /// The genotype of a finished projection as the references read it: the space's own rule
    /// (<see cref="ISearchSpace.Derive"/>, DARTS's <c>genotype()</c>) over the projected weights, one-hot rows for
    /// the kept ops and 0 for dropped edges. That is the picks themselves unless an edge a node kept holds
    /// <c>none</c>, which DARTS's rule never lists (it then ranks that edge with the dropped ones).
    /// </summary>
    public static IGenotype Genotype(ISearchSpace space, IReadOnlyList<int> picks, bool excludeNone) =>
        space.Derive(space.PerCellType(picks).Select((ops, c) => ops.Select(op =>
        {
            var row = new double[space.CellTypes[c].OperationCount];
            if (op >= 0) row[op] = 1;
            return row;
        }).ToArray()).ToArray(), excludeNone);

    /// <summary>
    /// Notes on the topology the projection chose: which inputs each choice node kept, e.g. "normal node 3 kept
    /// inputs 0, 2", and where the space's rule over the projected weights differs from the picks; none for a space
    /// without choice nodes.
    /// </summary>
    public static IEnumerable<string> Notes(ISearchSpace space, IReadOnlyList<int> picks, IGenotype genotype)
    {
        var perCellType = space.PerCellType(picks);
        var kept = space.CellTypes.SelectMany((cellType, c) => cellType.ChoiceNodes.Select(node =>
            $"{cellType.Name} node {node.Node} kept inputs " +
            string.Join(", ", node.Edges.Where(e => perCellType[c][e] >= 0).Select(e => cellType.Edges[e].From))))
            .ToList();
        if (kept.Count == 0) yield break;
        yield return $"nodes: {string.Join("; ", kept)}";
        if (!genotype.Choices.SelectMany(c => c).SequenceEqual(picks))
            yield return $"an edge kept with none: the space's rule over the projected weights lists {genotype}";
    }
}
