namespace NasPipeline.Graph;

/// <summary>Results of the graph nodes finished so far, read back with the typed node handles.</summary>
public sealed class NodeResults
{
    readonly Dictionary<GraphNode, INodeResult> _results = [];

    public bool Has(GraphNode node) => _results.ContainsKey(node);

    public void Add(GraphNode node, INodeResult result) => _results[node] = result;

    public INodeResult? Get(GraphNode node) => _results.GetValueOrDefault(node);

    public NodeResult<T> Of<T>(GraphNode<T> node) =>
        _results.TryGetValue(node, out var result) ? (NodeResult<T>)result
            : throw new InvalidOperationException($"node {node.Id} has no result yet (its upstream must finish first)");

    /// <summary>True when every upstream node of <paramref name="node"/> has a result.</summary>
    public bool Ready(GraphNode node) => node.Upstream.All(Has);
}
