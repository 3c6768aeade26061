namespace NasPipeline.Graph;

/// <summary>A graph node bound to its upstream results: its stage, hence its key; it can be looked up or run.</summary>
public abstract class BoundNode(GraphNode node)
{
    public GraphNode Node { get; } = node;

    public abstract string Key { get; }

    /// <summary>The stage's own label (it may name what only upstream results tell, e.g. the genotype).</summary>
    public abstract string Label { get; }

    /// <summary>The cached result, or null; never runs anything.</summary>
    public abstract INodeResult? TryLoad(StageRunner runner);

    /// <summary>Loads the node when cached, else builds it (under the node's lock).</summary>
    public abstract INodeResult Run(StageRunner runner);
}

sealed class BoundNode<T>(GraphNode<T> node, IStage<T> stage) : BoundNode(node)
{
    string? _key;

    public override string Key => _key ??= StageRunner.KeyOf(stage);
    public override string Label => stage.Label;
    public override INodeResult? TryLoad(StageRunner runner) => runner.TryLoad(stage, Key);
    public override INodeResult Run(StageRunner runner) => runner.Run(stage, Key);
}
