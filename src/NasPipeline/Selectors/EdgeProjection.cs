using System.Globalization;
using NasPipeline.Data;
using NasPipeline.SearchSpaces;
using static TorchSharp.torch;

namespace NasPipeline.Selectors;

/// <summary>
/// Deciding an architecture one edge at a time, as DARTS-PT and the zero-cost projections do: on each edge, remove
/// each candidate op in turn (its mixing weight set to 0, decided edges held one-hot), score the network, and keep
/// the op whose removal leaves the lowest score (it mattered most); among equal scores (accuracy moves in steps)
/// the op with the larger current mixing weight, or, as DARTS-PT's and Zero-Cost-PT's strict comparisons and
/// <c>nanargmin</c> do, the first op in canonical order. The edge then becomes one-hot. Edges are the space's
/// stacked edges (<see cref="StackedEdges"/>: every cell type's, in order) and weights [stacked edges, ops].
/// </summary>
public static class EdgeProjection
{
    /// <summary>Edge order: 0..edges−1 (NB201: 0..5), or a seeded permutation.</summary>
    public static int[] Order(ISearchSpace space, string order, int seed) =>
        order == "random"
            ? Permutation.Seeded(space.Count(), seed)
            : Enumerable.Range(0, space.Count()).ToArray();

    /// <param name="space">The space whose stacked edges are decided.</param>
    /// <param name="weights">Starting mixing weights [stacked edges, ops]; not modified.</param>
    /// <param name="scoreWithout">
    /// Score of the network under the given weights; lower = the removed op mattered more.
    /// </param>
    /// <param name="decided">
    /// Called after each decision with the picks and edges decided so far and the projected weights; returns the
    /// weights to go on with (DARTS-PT fine-tunes α, which moves the undecided edges).
    /// </param>
    /// <param name="from">Where a resumed projection goes on (its decided edges are skipped); null: the start.</param>
    /// <param name="note">Told of every candidate that scored NaN or ±∞ (for the selection's notes).</param>
    /// <param name="criterion">What the score is, for notes and errors (e.g. "proxy nwot").</param>
    /// <param name="tiesByWeight">Among equal scores: true, the larger mixing weight; false, the first op.</param>
    /// <remarks>
    /// Non-finite scores are handled as the Zero-Cost-PT reference's <c>np.nanargmin</c> handles them: a candidate
    /// that scored NaN is skipped; ±∞ are ordinary values (−∞ wins: removing that op broke the network); an edge
    /// whose every candidate scored NaN fails, naming the edge and the criterion.
    /// </remarks>
    public static int[] Run(
        ISearchSpace space, Tensor weights, IReadOnlyList<int> order, bool excludeNone,
        Func<Tensor, double> scoreWithout,
        Func<ProjectionState, Tensor>? decided = null, ProjectionState? from = null, Action<string>? note = null,
        string criterion = "score", bool tiesByWeight = true)
    {
        var current = (from?.Current ?? weights).detach().clone();
        var picks = from?.Picks.ToArray() ?? new int[space.Count()];
        var done = from?.Done.ToArray() ?? new bool[space.Count()];
        foreach (var edge in order)
        {
            if (done[edge]) continue;
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
            if (decided is not null) current = decided(new ProjectionState(picks, done, current)).detach().clone();
        }
        return picks;
    }
}
