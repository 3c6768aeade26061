using NasPipeline.Artifacts;
using NasPipeline.Caching;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Training;

namespace NasPipeline.Stages;

/// <summary>
/// What a run produced: the grid's evaluations, where the report was published, and every node's outcome.
/// </summary>
public sealed record PipelineOutcome(
    IReadOnlyList<EvaluationArtifact> Evaluations, string? ReportDirectory, ExecutionResult Execution);

/// <summary>
/// One manifest's study: its graph (see <see cref="StudyGraphBuilder"/>), built once and handed to an executor,
/// to the plan, to clean and to <c>nas run-node</c>, which therefore always agree on what the nodes are.
/// </summary>
public sealed class ExperimentPipeline
{
    readonly ExperimentManifest _m;
    readonly StageRunner _runner;
    readonly StudyResources _resources;

    public ExperimentPipeline(ExperimentManifest manifest, StageRunner runner, string templates)
    {
        _m = manifest;
        _runner = runner;
        _resources = new StudyResources(manifest, runner.Log);
        Graph = StudyGraphBuilder.Build(manifest, _resources, templates);
    }

    public StudyGraph Graph { get; }

    /// <summary>The nodes a target needs: its stage, every stage before it, and nothing after.</summary>
    public IReadOnlyList<GraphNode> Nodes(PipelineTarget target) => Graph.Upto(n => StageTarget(n.Stage) <= target);

    /// <summary>Sets threads and device and checks the benchmark table, before any node runs.</summary>
    public void Prepare()
    {
        Determinism.Use(_m.Experiment.Compute);
        // A wrong table path should stop the run before hours of supernet training, not after.
        if (_m.Evaluation.Nb201 || _m.ProxyStudy is not null) _resources.Table();
    }

    /// <summary>
    /// Runs the target's nodes with <paramref name="executor"/> and publishes the report when it is done.
    /// </summary>
    public PipelineOutcome Run(PipelineTarget target, IExecutor executor)
    {
        Prepare();
        var nodes = Nodes(target);
        var execution = executor.Run(nodes);
        var evaluations = nodes.OfType<GraphNode<EvaluationArtifact>>().Where(execution.Results.Has)
            .Select(n => execution.Results.Of(n).Artifact).ToList();
        var report = nodes.OfType<GraphNode<ReportArtifact>>().Where(execution.Results.Has).SingleOrDefault();
        return new PipelineOutcome(evaluations, report is null ? null : Publish(execution.Results.Of(report)),
            execution);
    }

    public IReadOnlyList<PlanRow> Plan(PipelineTarget target = PipelineTarget.Report) =>
        StudyGraph.Plan(_runner, Nodes(target));

    /// <summary>
    /// Runs one node whose upstream nodes are all cached (<c>nas run-node</c>: a local or Slurm job). With
    /// <c>on_failure = "continue"</c> a gathering node (the report) runs on what is cached, the missing nodes
    /// failed for the reason <paramref name="reasonOf"/> gives (what the process that ran them kept).
    /// </summary>
    public INodeResult RunNode(string id, Func<GraphNode, string?>? reasonOf = null)
    {
        var node = Graph.Find(id);
        var reads = Graph.Upto(n => node.Upstream.Contains(n));
        var upstream = StudyGraph.Walk(_runner, reads);
        if (node.Gathers && _m.Experiment.OnFailure == OnFailure.Continue)
            foreach (var failed in reads.Where(n => !upstream.Has(n)))
                upstream.Fail(failed, reasonOf?.Invoke(failed) ?? "not built");
        else if (node.Upstream.FirstOrDefault(u => !upstream.Has(u)) is { } missing)
            throw new InvalidOperationException(
                $"node {id} reads {missing.Id}, which is not in the cache yet (run it first)");
        Prepare();
        var result = node.Bind(upstream).Run(_runner);
        if (result is NodeResult<ReportArtifact> report) Publish(report);
        return result;
    }

    /// <summary>
    /// Every node of this manifest whose key the cache tells (its upstream nodes have records), as stage and key.
    /// Records are read without checking files: a damaged node still names the nodes downstream of it, so clean
    /// and gc find them too.
    /// </summary>
    public IReadOnlyList<(string Stage, string Key)> CachedKeys()
    {
        var keys = new List<(string Stage, string Key)>();
        StudyGraph.Walk(_runner.Over(_runner.Store.With(FileCheck.RecordOnly)), Graph.Nodes, (node, bound, _) =>
        {
            if (bound is not null) keys.Add((node.Stage, bound.Key));
        });
        return keys;
    }

    /// <summary>
    /// Removes every cached node of this manifest (those whose key can be known, see <see cref="CachedKeys"/>) and
    /// the published report; other manifests' nodes in the same cache stay.
    /// </summary>
    public IReadOnlyList<string> Clean()
    {
        var removed = CachedKeys().Where(k => _runner.Store.Remove(k.Stage, k.Key))
            .Select(k => $"{k.Stage}/{k.Key}").ToList();
        var output = ReportFolder;
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
            removed.Add(output);
        }
        return removed;
    }

    string ReportFolder => Path.Combine(_m.Report.OutputDirectory, _m.Experiment.Name);

    string Publish(NodeResult<ReportArtifact> report)
    {
        // Figures are named after trainers, proxies and cells: an earlier report's figures must not linger.
        var figures = Path.Combine(ReportFolder, Reporting.Figures.Figure.Folder);
        if (Directory.Exists(figures)) Directory.Delete(figures, recursive: true);
        foreach (var file in report.Artifact.Files)
            AtomicFile.Copy(report.PathOf(file), Path.Combine(ReportFolder, file));
        _runner.Log.Info($"report published to {Path.GetFullPath(ReportFolder)}");
        return ReportFolder;
    }

    static PipelineTarget StageTarget(string stage) => stage switch
    {
        "train" => PipelineTarget.TrainSupernets,
        "select" => PipelineTarget.Select,
        "retrain" => PipelineTarget.Retrain,
        "evaluate" or "proxy" => PipelineTarget.Evaluate,
        _ => PipelineTarget.Report,
    };
}
