using System.CommandLine;
using NasPipeline.Caching;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Stages;

namespace NasPipeline.Tool.Commands;

/// <summary>One command per pipeline target; each runs the graph up to that stage, reusing cached nodes.</summary>
public static class StageCommands
{
    public static IEnumerable<Command> All() =>
    [
        Make("train", "Train the supernets (trainer × seed)", PipelineTarget.TrainSupernets),
        Make("select", "Train, then select an architecture per trainer × selector × seed", PipelineTarget.Select),
        Make("retrain", "… then retrain every distinct selected architecture", PipelineTarget.Retrain),
        Make("evaluate", "… then gather the grid's results (retrain and/or NAS-Bench-201 lookup) and score the proxy study", PipelineTarget.Evaluate),
        Make("report", "Run the whole study and publish report.md, report.html and the CSVs", PipelineTarget.Report),
    ];

    static Command Make(string name, string description, PipelineTarget target)
    {
        var command = new Command(name, description) { CommonOptions.Manifest, CommonOptions.Artifacts, CommonOptions.Templates };
        command.SetAction(parse => Run(parse.GetValue(CommonOptions.Manifest)!, parse.GetValue(CommonOptions.Artifacts),
            CommonOptions.ResolveTemplates(parse.GetValue(CommonOptions.Templates)), target));
        return command;
    }

    static int Run(string manifestPath, string? artifacts, string templates, PipelineTarget target)
    {
        var manifest = ExperimentManifest.Load(manifestPath);
        var log = new ConsoleLog();
        var store = new NodeStore(artifacts ?? manifest.Experiment.Artifacts);
        Console.WriteLine($"nas: {manifest.Experiment.Name} → {target} (artifacts in {store.Root})");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        new ExperimentPipeline(manifest, new StageRunner(store, log, log), templates).Run(target);
        Console.WriteLine($"nas: done in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    public static Command Plan()
    {
        var command = new Command("plan", "Show the study graph and which nodes would run") { CommonOptions.Manifest, CommonOptions.Artifacts, CommonOptions.Templates };
        command.SetAction(parse =>
        {
            var manifest = ExperimentManifest.Load(parse.GetValue(CommonOptions.Manifest)!);
            var store = new NodeStore(parse.GetValue(CommonOptions.Artifacts) ?? manifest.Experiment.Artifacts);
            var log = new ConsoleLog();
            var rows = new ExperimentPipeline(manifest, new StageRunner(store, log, log),
                CommonOptions.ResolveTemplates(parse.GetValue(CommonOptions.Templates))).Plan();
            foreach (var row in rows)
                Console.WriteLine($"{row.Status,-26} {row.Stage,-8} {row.Label}{(row.Key is null ? "" : $"  ({row.Key[..12]})")}");
            Console.WriteLine($"{rows.Count(r => r.Status == "cached")} cached, {rows.Count(r => r.Status != "cached")} to run");
            return 0;
        });
        return command;
    }

    public static Command Clean()
    {
        var command = new Command("clean", "Delete the artifact cache and the published report of a manifest") { CommonOptions.Manifest, CommonOptions.Artifacts };
        command.SetAction(parse =>
        {
            var manifest = ExperimentManifest.Load(parse.GetValue(CommonOptions.Manifest)!);
            var store = new NodeStore(parse.GetValue(CommonOptions.Artifacts) ?? manifest.Experiment.Artifacts);
            var report = Path.Combine(manifest.Report.OutputDirectory, manifest.Experiment.Name);
            foreach (var folder in new[] { store.Root, report }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
                Console.WriteLine($"removed {folder}");
            }
            return 0;
        });
        return command;
    }
}
