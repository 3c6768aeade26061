namespace NasPipeline.Graph;

/// <summary>
/// One node of a study graph, known before anything runs: a stable id (how <c>nas run-node</c> and Slurm jobs name
/// it), its stage, the nodes it reads, and how to build its stage once those have results. Its key is known only
/// then: a retrain is keyed by the genotype its selection picked.
/// </summary>
public abstract class GraphNode(string id, string stage, string label, IReadOnlyList<GraphNode> upstream)
{
    /// <summary>e.g. <c>train/darts/seed=0</c>; unique in its graph and the same in every process.</summary>
    public string Id { get; } = id;

    public string Stage { get; } = stage;

    /// <summary>How logs name the node before its key is known, e.g. "retrain (pt from darts) seed=0".</summary>
    public string Label { get; } = label;

    public IReadOnlyList<GraphNode> Upstream { get; } = upstream;

    /// <summary>
    /// True for a node that reads whatever its upstream nodes produced (the report): with
    /// <c>on_failure = "continue"</c> it runs once every upstream node has ended, failed or not, and its stage is
    /// bound with the results there are and the failures (<see cref="NodeResults.Cause"/>).
    /// </summary>
    public bool Gathers { get; init; }

    /// <summary>The node's stage, given results for every upstream node.</summary>
    public abstract BoundNode Bind(NodeResults upstream);

    public override string ToString() => Id;
}

/// <summary>
/// A graph node whose stage produces <typeparamref name="T"/>; its handle gives typed upstream results.
/// </summary>
public sealed class GraphNode<T>(
    string id, string stage, string label, IReadOnlyList<GraphNode> upstream, Func<NodeResults, IStage<T>> bind)
    : GraphNode(id, stage, label, upstream)
{
    public override BoundNode Bind(NodeResults upstream) => new BoundNode<T>(this, bind(upstream));
}
