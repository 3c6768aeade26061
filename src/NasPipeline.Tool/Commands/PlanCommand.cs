using System.CommandLine;
using NasPipeline.Graph;

namespace NasPipeline.Tool.Commands;

/// <summary><c>nas plan</c>: every node of the study graph, cached or to run, and one summary line.</summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var command = new Command("plan", "Show the study graph and which nodes would run")
        {
            CommonOptions.Manifest, CommonOptions.Artifacts, CommonOptions.Templates,
        };
        command.SetAction(parse =>
        {
            var rows = Study.Open(parse).Pipeline.Plan();
            foreach (var row in rows)
                Console.WriteLine($"{row.Status,-26} {row.Stage,-8} {row.Label}" +
                    (row.Key is null ? "" : $"  ({row.Key[..12]})"));
            Console.WriteLine(PlanRow.Summary(rows));
            return 0;
        });
        return command;
    }
}
