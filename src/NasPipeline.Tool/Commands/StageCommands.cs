using System.CommandLine;
using NasPipeline.Execution;
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
        Make("evaluate",
            "… then gather the grid's results (retrain and/or NAS-Bench-201 lookup) and score the proxy study",
            PipelineTarget.Evaluate),
        Make("report", "Run the whole study and publish report.md, report.html and the CSVs", PipelineTarget.Report),
    ];

    static Command Make(string name, string description, PipelineTarget target)
    {
        var command = new Command(name, description)
        {
            CommonOptions.Manifest, CommonOptions.Artifacts, CommonOptions.Templates,
            CommonOptions.Executor, CommonOptions.Jobs, CommonOptions.Detach,
        };
        command.SetAction(parse => Run(parse, target));
        return command;
    }

    static int Run(ParseResult parse, PipelineTarget target)
    {
        var study = Study.Open(parse);
        var settings = study.Manifest.Executor;
        var kind = parse.GetValue(CommonOptions.Executor) ?? settings.Kind;
        var jobs = parse.GetValue(CommonOptions.Jobs) ?? settings.Jobs;
        var executor = Executors.Create(study, kind, jobs, parse.GetValue(CommonOptions.Detach));
        Console.WriteLine($"nas: {study.Manifest.Experiment.Name} → {target} with {executor.Describe} " +
            $"(artifacts in {study.Store.Root})");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = study.Pipeline.Run(target, executor.Executor);
        var execution = outcome.Execution;
        foreach (var failure in execution.Outcomes.Where(o => o.State == NodeState.Failed))
            Console.WriteLine($"  failed: {failure.Node.Id}: {failure.Error}" +
                (failure.Log is null ? "" : $" (log: {failure.Log})"));
        var skipped = execution.Outcomes.Where(o => o.State == NodeState.Skipped).ToList();
        if (skipped.Count > 0)
            Console.WriteLine($"  skipped: {skipped.Count} node(s) " +
                (study.Manifest.Experiment.OnFailure == OnFailure.Stop
                    ? "not run (on_failure = \"stop\"; \"continue\" runs the cells that do not read a failed node)"
                    : "that read a failed node") +
                $": {string.Join(", ", skipped.Select(o => o.Node.Id))}");
        Console.WriteLine($"nas: {execution.Summary()} in {clock.Elapsed.TotalSeconds:F1} s");
        return execution.Failed ? ExitCodes.Failed : 0;
    }
}
