using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using NasPipeline.Caching;
using NasPipeline.Checkpoints;
using NasPipeline.Training;

namespace NasPipeline.Graph;

/// <summary>
/// The one place that keys, caches and records stage nodes, for every command and executor: a node whose key has
/// a record is loaded; otherwise, holding the node's lock, it runs in a temporary folder that is renamed into place.
/// A node whose files no longer match its record is not loaded but rebuilt, with a line saying so.
/// </summary>
public sealed class StageRunner(NodeStore store, IPipelineLog log, IProgressSink progress, StopSignal? stop = null)
{
    readonly StopSignal _stop = stop ?? StopSignal.Never;

    public static readonly IReadOnlyDictionary<string, string> Versions = new Dictionary<string, string>
    {
        ["NasPipeline"] = VersionOf(typeof(StageRunner).Assembly),
        ["TorchSharp"] = VersionOf(typeof(TorchSharp.torch).Assembly),
        [".NET"] = Environment.Version.ToString(),
    };

    public NodeStore Store => store;
    public IPipelineLog Log => log;

    public static string KeyOf<T>(IStage<T> stage) => StageKey.Compute(stage.Name, stage.Version, stage.Inputs);

    /// <summary>This runner over another view of the cache (e.g. one reading records without checking files).</summary>
    public StageRunner Over(NodeStore other) => new(other, log, progress, stop);

    /// <summary>The node's cached result, or null; never runs anything.</summary>
    public NodeResult<T>? TryLoad<T>(IStage<T> stage, string? key = null)
    {
        key ??= KeyOf(stage);
        return Loaded(stage, key, store.TryLoad(stage.Name, key));
    }

    NodeResult<T>? Loaded<T>(IStage<T> stage, string key, NodeRecord? cached) =>
        cached is null ? null
            : new NodeResult<T>(stage.Name, key, stage.Label, store.NodeDirectory(stage.Name, key),
                cached.Artifact.Deserialize<T>()!, cached.Seconds, true, cached.CpuSeconds);

    public NodeResult<T> Run<T>(IStage<T> stage, string? key = null)
    {
        key ??= KeyOf(stage);
        if (TryLoad(stage, key) is { } cached)
        {
            log.NodeFinished(stage.Label, key, cached: true, cached.Seconds);
            return cached;
        }
        using var held = store.Lock(stage.Name, key,
            () => log.Info($"waiting for {stage.Label} ({key[..12]}): another process is building it"));
        var found = store.Check(stage.Name, key);
        if (Loaded(stage, key, found.Record) is { } builtElsewhere)
        {
            log.NodeFinished(stage.Label, key, cached: true, builtElsewhere.Seconds);
            return builtElsewhere;
        }

        log.NodeStarted(stage.Label, key);
        var clock = Stopwatch.StartNew();
        // The process's CPU time: every node runs in its own process or alone in this one (the in-process executor
        // runs nodes one after another), so the difference is this node's.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        T artifact = default!;
        var record = store.Commit(stage.Name, key, temp =>
        {
            artifact = stage.Run(
                new StageContext(temp, progress, stage.Label, store.WorkDirectory(stage.Name, key), _stop));
            return new NodeRecord(stage.Name, key, stage.Version, stage.Label, DateTime.UtcNow,
                clock.Elapsed.TotalSeconds,
                Versions, JsonSerializer.SerializeToElement(stage.Inputs, stage.Inputs.GetType()),
                JsonSerializer.SerializeToElement(artifact),
                (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        });
        if (found.Problem is { } problem) log.Info($"{found.Kind} node {stage.Label} ({key[..12]}) rebuilt: {problem}");
        log.NodeFinished(stage.Label, key, cached: false, record.Seconds);
        return new NodeResult<T>(stage.Name, key, stage.Label, store.NodeDirectory(stage.Name, key), artifact,
            record.Seconds, false, record.CpuSeconds);
    }

    static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "?";
}
