using System.CommandLine;

namespace NasPipeline.Tool.Commands;

/// <summary>
/// <c>nas clean</c>: removes this manifest's nodes from the cache and its published report, nothing else.
/// </summary>
public static class CleanCommand
{
    public static Command Create()
    {
        var command = new Command("clean",
            "Delete the manifest's cached nodes (with checkpoints) and its published report")
        {
            CommonOptions.Manifest, CommonOptions.Artifacts, CommonOptions.Templates,
        };
        command.SetAction(parse =>
        {
            var study = Study.Open(parse);
            var removed = study.Pipeline.Clean();
            foreach (var item in removed) Console.WriteLine($"removed {item}");
            Console.WriteLine($"clean: {removed.Count} removed for {study.Manifest.Experiment.Name}");
            return 0;
        });
        return command;
    }
}
