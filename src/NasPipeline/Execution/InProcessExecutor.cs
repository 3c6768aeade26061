using NasPipeline.Checkpoints;
using NasPipeline.Graph;
using NasPipeline.Manifest;

namespace NasPipeline.Execution;

/// <summary>
/// Runs nodes one after another in this process (<c>kind = "local"</c>, <c>jobs = 1</c>): the reference every other
/// executor must match byte for byte. A failed node is logged and its dependents skipped; then, per
/// <paramref name="onFailure"/>, every later node is skipped (stop) or the independent nodes go on and the report
/// runs with what there is (continue).
/// </summary>
public sealed class InProcessExecutor(StageRunner runner, NodeLogs logs, OnFailure onFailure = OnFailure.Stop)
    : IExecutor
{
    public ExecutionResult Run(IReadOnlyList<GraphNode> nodes)
    {
        var results = new NodeResults();
        var outcomes = new List<NodeOutcome>();
        var failed = new HashSet<GraphNode>();
        foreach (var node in nodes)
        {
            if (failed.Count > 0 && !FailurePolicy.MayStart(node, onFailure, failed))
            {
                failed.Add(node);
                outcomes.Add(new NodeOutcome(node, NodeState.Skipped));
                continue;
            }
            try
            {
                logs.ClearReason(node);
                var result = node.Bind(results).Run(runner);
                results.Add(node, result);
                outcomes.Add(new NodeOutcome(node, result.Cached ? NodeState.Cached : NodeState.Ran, result.Seconds));
            }
            catch (Exception e) when (e is not NodeInterruptedException)
            {
                failed.Add(node);
                var log = logs.WriteError(node, e);
                results.Fail(node, logs.ReasonOf(node)!);
                runner.Log.NodeFailed(node.Label, e.Message, log);
                outcomes.Add(new NodeOutcome(node, NodeState.Failed, Log: log, Error: e.Message));
            }
        }
        return new ExecutionResult(results, outcomes);
    }
}
