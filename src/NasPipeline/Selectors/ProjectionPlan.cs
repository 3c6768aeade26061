using NasPipeline.Data;
using NasPipeline.SearchSpaces;

namespace NasPipeline.Selectors;

/// <summary>
/// The order of an edge-by-edge projection as DARTS-PT (ruocwang/darts-pt <c>sota/cnn/projection.py</c>
/// <c>pt_project</c>) and Zero-Cost-PT (visionbasicagent/zerocost_operation_score <c>sota/cnn/init_projection.py</c>
/// <c>pt_project</c>) run it: rounds of one decision per cell type, normal before reduce (the later one sees the
/// earlier applied); first one edge's operation per round until every edge has one, then one choice node's kept
/// inputs per round (<see cref="CellType.ChoiceNodes"/>). With one cell type and no choice nodes (NB201) a round is
/// one edge decision, as <c>nasbench201/projection.py</c> decides them.
/// </summary>
public sealed class ProjectionPlan
{
    // A seed for the node order apart from the edge-order seeds in use (Zero-Cost-PT's passes use seed·1000 + pass).
    const int NodeStream = 0x5bd1e995;

    ProjectionPlan(IReadOnlyList<IReadOnlyList<ProjectionDecision>> rounds) => Rounds = rounds;

    /// <summary>The rounds in order, each with at most one decision per cell type, in cell-type order.</summary>
    public IReadOnlyList<IReadOnlyList<ProjectionDecision>> Rounds { get; }

    /// <summary>Whether the plan decides nodes (a topology phase follows the operation phase).</summary>
    public bool HasNodes => Rounds.Any(r => r.Any(d => d.Node is not null));

    /// <summary>Stacked edges in the order their operations are decided.</summary>
    public IEnumerable<int> EdgeOrder =>
        Rounds.SelectMany(r => r).Where(d => d.Edge is not null).Select(d => d.Edge!.Value);

    /// <summary>What a round is called in progress notes ("edge decisions" where a round is one edge).</summary>
    public string RoundName => HasNodes || Rounds.Any(r => r.Count > 1) ? "projection rounds" : "edge decisions";

    /// <summary>
    /// The plan for manifest edge order <paramref name="order"/> ("random" or "sequential", as
    /// <see cref="EdgeProjection.Order"/>); nodes in a seeded random order either way, as both references draw
    /// them (<c>np.random.choice(remain_nids)</c>; Zero-Cost-PT's non-random <c>order</c> mode still draws nodes
    /// at random, and DARTS-PT has no other node order).
    /// </summary>
    public static ProjectionPlan Of(ISearchSpace space, string order, int seed) =>
        Of(space, EdgeProjection.Order(space, order, seed), seed);

    /// <summary>
    /// The plan deciding edges in <paramref name="edgeOrder"/> (stacked edges; each cell type's edges in the order
    /// they appear there) and nodes in an order drawn from <paramref name="nodeSeed"/>.
    /// </summary>
    public static ProjectionPlan Of(ISearchSpace space, IReadOnlyList<int> edgeOrder, int nodeSeed = 0)
    {
        var cellTypes = space.CellTypes.Count;
        var edges = Enumerable.Range(0, cellTypes)
            .Select(c => edgeOrder.Where(e => space.Locate(e).CellType == c)
                .Select(e => new ProjectionDecision(c, Edge: e)).ToList())
            .ToList();
        var nodes = space.CellTypes.SelectMany((cellType, c) => cellType.ChoiceNodes
            .Select(node => new ProjectionDecision(c, Node: node))).ToArray();
        var shuffled = nodes.Length == 0 ? [] : Permutation.Seeded(nodes.Length, nodeSeed ^ NodeStream);
        var nodeOrder = Enumerable.Range(0, cellTypes)
            .Select(c => shuffled.Select(i => nodes[i]).Where(d => d.CellType == c).ToList()).ToList();
        return new ProjectionPlan([.. Interleave(edges), .. Interleave(nodeOrder)]);
    }

    /// <summary>Round r holds every cell type's r-th decision.</summary>
    static IEnumerable<IReadOnlyList<ProjectionDecision>> Interleave(List<List<ProjectionDecision>> perCellType)
    {
        var rounds = perCellType.Count == 0 ? 0 : perCellType.Max(d => d.Count);
        for (var r = 0; r < rounds; r++)
            yield return perCellType.Where(d => r < d.Count).Select(d => d[r]).ToArray();
    }

    /// <summary>Rounds whose every decision <paramref name="state"/> holds (a resumed projection's progress).</summary>
    public int RoundsDone(ISearchSpace space, ProjectionState state) =>
        Rounds.TakeWhile(round => round.All(d => d.IsMade(space, state))).Count();

    /// <summary>
    /// The order for notes: "edges in order 3,1,…", then the nodes ("nodes normal 4, reduce 3, …").
    /// </summary>
    public string Describe(ISearchSpace space)
    {
        var edges = $"edges in order {string.Join(",", EdgeOrder)}";
        if (!HasNodes) return edges;
        var nodes = Rounds.SelectMany(r => r).Where(d => d.Node is not null)
            .Select(d => $"{space.CellTypes[d.CellType].Name} {d.Node!.Node}");
        return $"{edges}, then nodes {string.Join(", ", nodes)}";
    }
}
