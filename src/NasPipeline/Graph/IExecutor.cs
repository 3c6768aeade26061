namespace NasPipeline.Graph;

/// <summary>
/// Runs graph nodes in dependency order: in this process, as parallel local processes, or as Slurm jobs. Every
/// executor builds a node through the same <see cref="StageRunner"/> (in whatever process), so results are the
/// same bytes whichever one ran them.
/// </summary>
public interface IExecutor
{
    /// <param name="nodes">The nodes to run, in dependency order (every node after those it reads).</param>
    ExecutionResult Run(IReadOnlyList<GraphNode> nodes);
}

/// <summary>What became of one node in a run.</summary>
public enum NodeState
{
    Ran,
    Cached,
    Failed,

    /// <summary>Not run: a node it reads failed, or (on_failure = "stop") any node failed before it started.</summary>
    Skipped,

    /// <summary>Handed to a scheduler that runs it later (a detached Slurm run).</summary>
    Submitted,
}

/// <summary>One node's outcome; <paramref name="Log"/> is where its output or error went, when it has one.</summary>
public sealed record NodeOutcome(
    GraphNode Node, NodeState State, double Seconds = 0, string? Log = null, string? Error = null);

/// <summary>The results of the nodes that finished, and every node's outcome.</summary>
public sealed record ExecutionResult(NodeResults Results, IReadOnlyList<NodeOutcome> Outcomes)
{
    public bool Failed => Outcomes.Any(o => o.State is NodeState.Failed or NodeState.Skipped);

    /// <summary>e.g. <c>run: 97 nodes: 40 ran, 55 cached, 1 failed, 1 skipped</c>.</summary>
    public string Summary()
    {
        var counts = Enum.GetValues<NodeState>().Select(s => (State: s, Count: Outcomes.Count(o => o.State == s)))
            .Where(c => c.Count > 0).Select(c => $"{c.Count} {c.State.ToString().ToLowerInvariant()}");
        return $"run: {Outcomes.Count} nodes: {string.Join(", ", counts)}";
    }
}
