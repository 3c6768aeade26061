namespace NasPipeline.Graph;

/// <summary>
/// Results of the graph nodes finished so far, read back with the typed node handles, and the one-line reasons of
/// the nodes that failed.
/// </summary>
public sealed class NodeResults
{
    readonly Dictionary<GraphNode, INodeResult> _results = [];
    readonly Dictionary<GraphNode, string> _failures = [];

    public bool Has(GraphNode node) => _results.ContainsKey(node);

    public void Add(GraphNode node, INodeResult result) => _results[node] = result;

    public INodeResult? Get(GraphNode node) => _results.GetValueOrDefault(node);

    public NodeResult<T> Of<T>(GraphNode<T> node) =>
        _results.TryGetValue(node, out var result) ? (NodeResult<T>)result
            : throw new InvalidOperationException($"node {node.Id} has no result yet (its upstream must finish first)");

    /// <summary>True when every upstream node of <paramref name="node"/> has a result.</summary>
    public bool Ready(GraphNode node) => node.Upstream.All(Has);

    /// <summary>Records that <paramref name="node"/> failed, with a one-line reason.</summary>
    public void Fail(GraphNode node, string reason) => _failures[node] = reason;

    /// <summary>
    /// Why <paramref name="node"/> has no result: the first node on its way up that failed itself (every node it
    /// reads has a result) and that node's reason; null when it has a result. A node skipped because something it
    /// reads failed gets that node's failure, so a failed supernet is named for every cell that reads it.
    /// </summary>
    public NodeFailure? Cause(GraphNode node)
    {
        if (Has(node)) return null;
        if (node.Upstream.FirstOrDefault(u => !Has(u)) is { } missing) return Cause(missing);
        return new NodeFailure(node, _failures.GetValueOrDefault(node) ?? "not built");
    }
}

/// <summary>A node that failed and why (its error's one-line message).</summary>
public sealed record NodeFailure(GraphNode Node, string Reason);
