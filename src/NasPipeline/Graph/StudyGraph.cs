namespace NasPipeline.Graph;

/// <summary>
/// The study's nodes, built once from a manifest and walked by every command: run (any executor), plan, clean and
/// <c>nas run-node</c>. Nodes are kept in dependency order: every node comes after the nodes it reads.
/// </summary>
public sealed class StudyGraph
{
    readonly List<GraphNode> _nodes = [];
    readonly Dictionary<string, GraphNode> _byId = new(StringComparer.Ordinal);

    public IReadOnlyList<GraphNode> Nodes => _nodes;

    /// <summary>Adds a node whose upstream nodes are already in the graph.</summary>
    public GraphNode<T> Add<T>(GraphNode<T> node)
    {
        if (node.Upstream.FirstOrDefault(u => !_byId.ContainsKey(u.Id)) is { } missing)
            throw new InvalidOperationException($"node {node.Id} reads {missing.Id}, which is not in the graph yet");
        if (!_byId.TryAdd(node.Id, node)) throw new InvalidOperationException($"node id {node.Id} is used twice");
        _nodes.Add(node);
        return node;
    }

    public GraphNode Find(string id) => _byId.GetValueOrDefault(id) ?? throw new KeyNotFoundException(
        $"no node \"{id}\" in this study; nodes: {string.Join(", ", _nodes.Take(8).Select(n => n.Id))}" +
        (_nodes.Count > 8 ? $", … ({_nodes.Count} in all; `nas plan` lists them)" : ""));

    /// <summary>The nodes matching <paramref name="target"/> and everything they read, in dependency order.</summary>
    public IReadOnlyList<GraphNode> Upto(Func<GraphNode, bool> target)
    {
        var needed = new HashSet<GraphNode>();
        void Need(GraphNode node)
        {
            if (!needed.Add(node)) return;
            foreach (var upstream in node.Upstream) Need(upstream);
        }
        foreach (var node in _nodes.Where(target)) Need(node);
        return _nodes.Where(needed.Contains).ToList();
    }

    /// <summary>
    /// Walks <paramref name="nodes"/> over the cache without running anything: each node whose upstream nodes are
    /// cached is bound (its key is known) and looked up. <paramref name="visit"/> sees every distinct node once, with
    /// its bound stage (null while an upstream node is missing) and cached result (null when absent); nodes that
    /// resolve to a key already seen (two selectors picking one cell share a retrain) share its result unseen.
    /// </summary>
    /// <returns>The cached results found.</returns>
    public static NodeResults Walk(StageRunner runner, IEnumerable<GraphNode> nodes,
        Action<GraphNode, BoundNode?, INodeResult?>? visit = null)
    {
        var results = new NodeResults();
        var seen = new Dictionary<(string, string), INodeResult?>();
        foreach (var node in nodes)
        {
            if (!results.Ready(node))
            {
                visit?.Invoke(node, null, null);
                continue;
            }
            var bound = node.Bind(results);
            if (!seen.TryGetValue((node.Stage, bound.Key), out var cached))
            {
                seen[(node.Stage, bound.Key)] = cached = bound.TryLoad(runner);
                visit?.Invoke(node, bound, cached);
            }
            if (cached is not null) results.Add(node, cached);
        }
        return results;
    }

    /// <summary>
    /// One row per distinct node: cached, will run (key known), or will run after upstream (key not yet known).
    /// </summary>
    public static IReadOnlyList<PlanRow> Plan(StageRunner runner, IEnumerable<GraphNode> nodes)
    {
        var rows = new List<PlanRow>();
        Walk(runner, nodes, (node, bound, cached) =>
            rows.Add(bound is null ? PlanRow.Pending(node) : PlanRow.For(bound, cached is not null)));
        return rows;
    }
}
