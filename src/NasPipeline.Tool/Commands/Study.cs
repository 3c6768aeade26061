using System.CommandLine;
using NasPipeline.Caching;
using NasPipeline.Execution;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Stages;

namespace NasPipeline.Tool.Commands;

/// <summary>A command's view of one manifest: the manifest, its cache, the console log and its study graph.</summary>
public sealed class Study
{
    Study(string manifestPath, string? artifacts, string templates)
    {
        ManifestPath = Path.GetFullPath(manifestPath);
        Manifest = StudyManifest.Load(manifestPath);
        Store = new NodeStore(artifacts ?? Manifest.Experiment.Artifacts);
        CrashLog.Folder = Path.Combine(Store.Root, "logs");
        Templates = Path.GetFullPath(templates);
        Runner = new StageRunner(Store, Log, Log, StopSignals.Stop);
        Pipeline = new ExperimentPipeline(Manifest, Runner, Templates);
        Logs = new NodeLogs(Store.Root, Manifest.Experiment.Name);
    }

    public string ManifestPath { get; }
    public ExperimentManifest Manifest { get; }
    public NodeStore Store { get; }
    public string Templates { get; }
    public ConsoleLog Log { get; } = new();
    public StageRunner Runner { get; }
    public ExperimentPipeline Pipeline { get; }
    public NodeLogs Logs { get; }

    public static Study Open(ParseResult parse) => new(
        parse.GetValue(CommonOptions.Manifest)!, parse.GetValue(CommonOptions.Artifacts),
        CommonOptions.ResolveTemplates(parse.GetValue(CommonOptions.Templates)));

    /// <summary>The argument list that runs one node of this study in a new process (<c>nas run-node</c>).</summary>
    public IReadOnlyList<string> RunNodeCommand(GraphNode node) =>
    [
        .. NasProcess.Command(), "run-node", "--manifest", ManifestPath, "--artifacts", Store.Root,
        "--templates", Templates, "--node", node.Id,
    ];
}
