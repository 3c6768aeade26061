using System.Diagnostics;
using NasPipeline.Checkpoints;
using NasPipeline.Graph;
using NasPipeline.Manifest;

namespace NasPipeline.Execution;

/// <summary>
/// Runs up to <c>jobs</c> nodes at once, each as its own <c>nas run-node</c> process (torch threads and seeds are
/// per process), in dependency order. Whether a node is cached is decided here before starting anything, so cached
/// nodes cost no process; two nodes that resolve to one key (a shared retrain) never run at the same time. A failed
/// node skips its dependents; then, per <paramref name="onFailure"/>, no further node starts (stop; running ones
/// finish) or the independent nodes go on and the report runs once every node it reads has ended (continue). The
/// parent records each failure with the reason the child kept (<see cref="NodeLogs.ReasonOf"/>), the same reason the
/// report's own process reads, so both bind the report to one key. On a stop request the children get SIGTERM,
/// checkpoint and exit; then this executor throws <see cref="NodeInterruptedException"/>.
/// </summary>
public sealed class LocalProcessExecutor(
    StageRunner runner, int jobs, Func<GraphNode, IReadOnlyList<string>> command, NodeLogs logs, StopSignal stop,
    OnFailure onFailure = OnFailure.Stop)
    : IExecutor
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100), StatusEvery = TimeSpan.FromSeconds(30);

    sealed record Running(GraphNode Node, BoundNode Bound, NodeProcess Process, Stopwatch Clock);

    public ExecutionResult Run(IReadOnlyList<GraphNode> nodes)
    {
        var results = new NodeResults();
        var outcomes = new List<NodeOutcome>();
        var failed = new HashSet<GraphNode>();
        var waiting = nodes.ToList();
        var bound = new Dictionary<GraphNode, BoundNode>();
        var running = new List<Running>();
        var status = Stopwatch.StartNew();

        // A node found in the cache (built earlier, or by the node it shared a key with) finishes without a process.
        bool Cached(GraphNode node, BoundNode stage)
        {
            if (stage.TryLoad(runner) is not { } cached) return false;
            runner.Log.NodeFinished(stage.Label, stage.Key, cached: true, cached.Seconds);
            results.Add(node, cached);
            outcomes.Add(new NodeOutcome(node, NodeState.Cached, cached.Seconds));
            waiting.Remove(node);
            return true;
        }

        try
        {
            while (waiting.Count > 0 || running.Count > 0)
            {
                foreach (var node in waiting.ToList())
                {
                    if (failed.Count > 0 && !FailurePolicy.MayStart(node, onFailure, failed))
                    {
                        failed.Add(node);
                        outcomes.Add(new NodeOutcome(node, NodeState.Skipped));
                        waiting.Remove(node);
                        continue;
                    }
                    if (!(node.Gathers ? node.Upstream.All(u => results.Has(u) || failed.Contains(u))
                            : results.Ready(node))) continue;
                    if (!bound.TryGetValue(node, out var stage))
                    {
                        stage = bound[node] = node.Bind(results);
                        if (Cached(node, stage)) continue;
                    }
                    if (running.Count >= jobs ||
                        running.Any(r => r.Node.Stage == node.Stage && r.Bound.Key == stage.Key)) continue;
                    if (Cached(node, stage)) continue;
                    runner.Log.NodeStarted(stage.Label, stage.Key);
                    running.Add(new Running(node, stage, NodeProcess.Start(command(node), logs.PathOf(node)),
                        Stopwatch.StartNew()));
                    waiting.Remove(node);
                }
                if (running.Count == 0) continue;

                Thread.Sleep(Poll);
                if (stop.Requested) Interrupt(running);
                foreach (var done in running.Where(r => r.Process.HasExited).ToList())
                {
                    running.Remove(done);
                    Finish(done, results, outcomes, failed);
                }
                if (status.Elapsed > StatusEvery && running.Count > 0)
                {
                    status.Restart();
                    runner.Log.Info($"{running.Count} running, {outcomes.Count} finished, {waiting.Count} waiting");
                    foreach (var r in running)
                        runner.Log.Info($"  {r.Bound.Label}: {NodeLogs.LastLine(r.Process.Log)}");
                }
            }
        }
        finally
        {
            foreach (var r in running) r.Process.Dispose();
        }
        return new ExecutionResult(results, outcomes);
    }

    void Finish(Running done, NodeResults results, List<NodeOutcome> outcomes, HashSet<GraphNode> failed)
    {
        var (node, bound) = (done.Node, done.Bound);
        var code = done.Process.ExitCode;
        done.Process.Dispose();
        if (code == 0 && bound.TryLoad(runner) is { } result)
        {
            runner.Log.NodeFinished(bound.Label, bound.Key, cached: false, result.Seconds);
            results.Add(node, result);
            outcomes.Add(new NodeOutcome(node, NodeState.Ran, result.Seconds, done.Process.Log));
            return;
        }
        var error = code == 0 ? "the process exited without committing the node"
            : $"exit code {code}: {NodeLogs.LastLine(done.Process.Log)}";
        failed.Add(node);
        results.Fail(node, logs.ReasonOf(node) ?? error);
        runner.Log.NodeFailed(bound.Label, error, done.Process.Log);
        outcomes.Add(new NodeOutcome(node, NodeState.Failed, done.Clock.Elapsed.TotalSeconds, done.Process.Log, error));
    }

    /// <summary>Asks every child to checkpoint and stop, waits for them, and stops the run.</summary>
    void Interrupt(List<Running> running)
    {
        runner.Log.Info($"stopping: asking {running.Count} running node(s) to checkpoint and exit");
        foreach (var r in running) r.Process.Terminate();
        foreach (var r in running) r.Process.WaitForExit();
        throw new NodeInterruptedException(
            $"stopped on request; {running.Count} node(s) saved checkpoints where they could: rerun to resume");
    }
}
