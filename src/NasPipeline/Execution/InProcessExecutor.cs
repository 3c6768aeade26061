using NasPipeline.Checkpoints;
using NasPipeline.Graph;

namespace NasPipeline.Execution;

/// <summary>
/// Runs nodes one after another in this process (<c>kind = "local"</c>, <c>jobs = 1</c>): the reference every other
/// executor must match byte for byte. A failed node is logged and its dependents skipped; independent nodes go on.
/// </summary>
public sealed class InProcessExecutor(StageRunner runner, NodeLogs logs) : IExecutor
{
    public ExecutionResult Run(IReadOnlyList<GraphNode> nodes)
    {
        var results = new NodeResults();
        var outcomes = new List<NodeOutcome>();
        var failed = new HashSet<GraphNode>();
        foreach (var node in nodes)
        {
            if (node.Upstream.Any(failed.Contains))
            {
                failed.Add(node);
                outcomes.Add(new NodeOutcome(node, NodeState.Skipped));
                continue;
            }
            try
            {
                var result = node.Bind(results).Run(runner);
                results.Add(node, result);
                outcomes.Add(new NodeOutcome(node, result.Cached ? NodeState.Cached : NodeState.Ran, result.Seconds));
            }
            catch (Exception e) when (e is not NodeInterruptedException)
            {
                failed.Add(node);
                var log = logs.WriteError(node, e);
                runner.Log.NodeFailed(node.Label, e.Message, log);
                outcomes.Add(new NodeOutcome(node, NodeState.Failed, Log: log, Error: e.Message));
            }
        }
        return new ExecutionResult(results, outcomes);
    }
}
