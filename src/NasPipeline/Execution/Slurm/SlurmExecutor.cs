using System.Diagnostics;
using NasPipeline.Checkpoints;
using NasPipeline.Graph;
using NasPipeline.Manifest;

namespace NasPipeline.Execution.Slurm;

/// <summary>
/// Submits every node that is not cached as its own Slurm job running <c>nas run-node</c>, with
/// <c>--dependency=afterok</c> on the jobs of the nodes it reads, so Slurm orders the graph. Jobs of an earlier run
/// that are still queued or running are reused, not submitted again. Then either returns (detached; see
/// <c>nas status</c>) or polls the queue, printing how many jobs are pending, running, done and failed, until every
/// job has ended. The cache, on a file system every node shares, is the truth about what finished.
/// With <c>on_failure = "continue"</c> the report's job depends with <c>afterany</c>, so it runs after failed and
/// cancelled jobs too and lists their cells; with <c>"stop"</c>, while waiting, the first failed job makes this
/// executor cancel every job still pending (a detached run cannot: there only the failed job's dependents are
/// cancelled, by <c>afterok</c>).
/// </summary>
public sealed class SlurmExecutor(
    StageRunner runner, SlurmClient slurm, SlurmSection settings, int threads,
    Func<GraphNode, IReadOnlyList<string>> command, NodeLogs logs, string runFile, string manifest, bool detach,
    StopSignal stop, OnFailure onFailure = OnFailure.Stop) : IExecutor
{
    readonly HashSet<string> _cancelled = [];

    public ExecutionResult Run(IReadOnlyList<GraphNode> nodes)
    {
        var cached = StudyGraph.Walk(runner, nodes);
        var previous = SlurmRun.Load(runFile)?.Jobs ?? new Dictionary<string, string>();
        var alive = previous.Count == 0 ? new Dictionary<string, SlurmJobStatus>()
            : slurm.Query(previous.Values.ToList()).Where(s => s.Value.IsActive).ToDictionary();
        var jobs = new Dictionary<GraphNode, string>();
        foreach (var node in nodes.Where(n => !cached.Has(n)))
        {
            if (previous.TryGetValue(node.Id, out var earlier) && alive.ContainsKey(earlier))
            {
                jobs[node] = earlier;
                runner.Log.Info($"[queued] {node.Label}: job {earlier} of an earlier run");
                continue;
            }
            jobs[node] = slurm.Submit(Job(node, node.Upstream.Where(jobs.ContainsKey).Select(u => jobs[u]).ToList()));
            runner.Log.Info($"[submit] {node.Label}: job {jobs[node]} (log {logs.PathOf(node)})");
        }
        new SlurmRun(manifest, DateTime.UtcNow, jobs.ToDictionary(j => j.Key.Id, j => j.Value)).Save(runFile);
        runner.Log.Info($"slurm: {jobs.Count} job(s) for {nodes.Count} node(s); {nodes.Count(cached.Has)} cached");

        var waited = !detach && jobs.Count > 0 && Wait(jobs);
        return Outcomes(nodes, cached, jobs, detached: detach || (jobs.Count > 0 && !waited));
    }

    // A job asks for as many CPUs as the node uses torch threads unless the manifest says otherwise.
    SlurmJob Job(GraphNode node, IReadOnlyList<string> afterOk)
    {
        var resources = settings.For(node.Stage);
        return new SlurmJob($"nas:{node.Id}", command(node), Environment.CurrentDirectory, logs.PathOf(node),
            resources with { CpusPerTask = resources.CpusPerTask ?? threads }, afterOk, settings.GraceSeconds,
            AfterAny: node.Gathers && onFailure == OnFailure.Continue);
    }

    /// <returns>
    /// False when a stop request (Ctrl-C, SIGTERM) ended the wait: the jobs go on, <c>nas status</c> follows them.
    /// </returns>
    bool Wait(Dictionary<GraphNode, string> jobs)
    {
        var last = "";
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var states = slurm.Query(jobs.Values.ToList());
            int Count(Func<SlurmJobStatus, bool> which) => states.Values.Count(which);
            var line = $"slurm: {Count(s => s.IsActive && s.State == "PENDING")} pending, " +
                $"{Count(s => s.IsActive && s.State != "PENDING")} running, {Count(s => s.Succeeded)} done, " +
                $"{Count(s => s.Failed)} failed, {Count(s => s.IsUnknown)} left the queue " +
                $"({clock.Elapsed:hh\\:mm\\:ss})";
            if (line[..line.IndexOf('(')] != last)
            {
                runner.Log.Info(line);
                last = line[..line.IndexOf('(')];
            }
            if (!states.Values.Any(s => s.IsActive)) return true;
            if (onFailure == OnFailure.Stop && states.Values.Any(s => s.Failed))
                CancelPending(states);
            for (var slept = 0.0; slept < settings.PollSeconds; slept += 0.1)
            {
                if (stop.Requested)
                {
                    runner.Log.Info("slurm: stopped waiting; the jobs keep running (`nas status` reports them)");
                    return false;
                }
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>on_failure = "stop": a job failed, so no job that has not started yet will.</summary>
    void CancelPending(IReadOnlyDictionary<string, SlurmJobStatus> states)
    {
        var pending = states.Where(s => s.Value.IsActive && s.Value.State == "PENDING" && !_cancelled.Contains(s.Key))
            .Select(s => s.Key).ToList();
        if (pending.Count == 0) return;
        runner.Log.Info($"slurm: a job failed and on_failure = \"stop\": cancelling {pending.Count} pending job(s)");
        slurm.Cancel(pending);
        _cancelled.UnionWith(pending);
    }

    ExecutionResult Outcomes(IReadOnlyList<GraphNode> nodes, NodeResults cached, Dictionary<GraphNode, string> jobs,
        bool detached)
    {
        if (detached)
            return new ExecutionResult(cached, nodes.Select(n => cached.Has(n)
                ? new NodeOutcome(n, NodeState.Cached, cached.Get(n)!.Seconds)
                : new NodeOutcome(n, NodeState.Submitted, Log: logs.PathOf(n))).ToList());

        var results = StudyGraph.Walk(runner, nodes);
        var states = jobs.Count == 0 ? new Dictionary<string, SlurmJobStatus>() : slurm.Query(jobs.Values.ToList());
        var outcomes = new List<NodeOutcome>();
        var built = new HashSet<(string, string)>();
        foreach (var node in nodes)
        {
            var result = results.Get(node);
            // A node that shares its key with one counted already (a shared retrain) found it cached in its job.
            if (cached.Has(node) || (result is not null && !built.Add((node.Stage, result.Key))))
                outcomes.Add(new NodeOutcome(node, NodeState.Cached, result!.Seconds));
            else if (result is not null)
            {
                runner.Log.NodeFinished(node.Label, result.Key, cached: false, result.Seconds);
                outcomes.Add(new NodeOutcome(node, NodeState.Ran, result.Seconds, logs.PathOf(node)));
            }
            else
            {
                var state = states[jobs[node]];
                var upstreamFailed = state.Reason == "DependencyNeverSatisfied" || _cancelled.Contains(jobs[node]);
                var exit = state.ExitCode is { } c ? $", exit {c}" : "";
                var error = $"job {jobs[node]} {state.State} ({state.Reason}{exit})";
                if (!upstreamFailed)
                    runner.Log.NodeFailed(node.Label, $"{error}: {NodeLogs.LastLine(logs.PathOf(node))}",
                        logs.PathOf(node));
                outcomes.Add(new NodeOutcome(node, upstreamFailed ? NodeState.Skipped : NodeState.Failed,
                    Log: logs.PathOf(node), Error: error));
            }
        }
        return new ExecutionResult(results, outcomes);
    }
}
