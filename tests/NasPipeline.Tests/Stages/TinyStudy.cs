using NasPipeline.Caching;
using NasPipeline.Execution;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Stages;
using NasPipeline.Training;

namespace NasPipeline.Tests.Stages;

/// <summary>A seconds-long study on synthetic images, with its cache and report in a temporary folder.</summary>
public sealed class TinyStudy : IDisposable
{
    readonly TempDirectory _dir = new();

    public string Artifacts => _dir.File("cache");
    public string Reports => _dir.File("reports");

    const string Synthetic =
        "name = \"synthetic\"\nimage_size = 8\nchannels = 1\nclasses = 3\ntrain_count = 96\ntest_count = 48";

    public string Manifest(string seeds = "[0]", string firstSelector = "",
        string secondSelector = "exclude_none = true", int epochs = 2, string dataset = Synthetic,
        string extra = "") => $"""
        [experiment]
        name = "tiny"
        seeds = {seeds}
        threads = 1
        artifacts = "{Artifacts}"

        [dataset]
        {dataset}

        [search_space]
        channels = 4
        cells_per_stage = 1

        [[trainers]]
        id = "darts"
        method = "darts"
        epochs = {epochs}
        batch_size = 16

        [[selectors]]
        id = "mag"
        method = "magnitude"
        {firstSelector}

        [[selectors]]
        id = "mag-b"
        method = "magnitude"
        {secondSelector}

        [retrain]
        epochs = 1
        batch_size = 16

        [report]
        output = "{Reports}"

        {extra}
        """;

    /// <summary>Runs the study in this process (the sequential local executor).</summary>
    public (MemoryLog Log, PipelineOutcome Outcome) Run(
        string manifestText, PipelineTarget target = PipelineTarget.Report, string? artifacts = null)
    {
        var manifest = StudyManifest.Parse(manifestText, "tiny.toml");
        var log = new MemoryLog();
        var store = new NodeStore(artifacts ?? manifest.Experiment.Artifacts);
        var runner = new StageRunner(store, log, NullProgress.Instance);
        var executor = new InProcessExecutor(runner, new NodeLogs(store.Root, manifest.Experiment.Name),
            manifest.Experiment.OnFailure);
        return (log, new ExperimentPipeline(manifest, runner, RepoPaths.Templates).Run(target, executor));
    }

    public (MemoryLog Log, IReadOnlyList<PlanRow> Plan) Plan(string manifestText)
    {
        var manifest = StudyManifest.Parse(manifestText, "tiny.toml");
        var log = new MemoryLog();
        var runner = new StageRunner(new NodeStore(manifest.Experiment.Artifacts), log, NullProgress.Instance);
        return (log, new ExperimentPipeline(manifest, runner, RepoPaths.Templates).Plan());
    }

    public string Scratch(string name) => _dir.File(name);

    public void Dispose() => _dir.Dispose();
}
