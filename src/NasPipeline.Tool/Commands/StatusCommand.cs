using System.CommandLine;
using NasPipeline.Execution.Slurm;

namespace NasPipeline.Tool.Commands;

/// <summary><c>nas status</c>: how the jobs of the manifest's last Slurm run are doing (a detached run, say).</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status",
            "Report the jobs of the manifest's last Slurm run (pending, running, done, failed)")
        {
            CommonOptions.Manifest, CommonOptions.Artifacts, CommonOptions.Templates,
        };
        command.SetAction(parse =>
        {
            var study = Study.Open(parse);
            var path = SlurmRun.PathFor(study.Store.Root, study.Manifest.Experiment.Name);
            if (SlurmRun.Load(path) is not { } run)
            {
                Console.WriteLine($"status: no Slurm run of {study.Manifest.Experiment.Name} on record ({path})");
                return 0;
            }
            var done = Graph.StudyGraph.Walk(study.Runner, study.Pipeline.Graph.Nodes);
            var states = run.Jobs.Count == 0
                ? new Dictionary<string, SlurmJobStatus>()
                : new SlurmClient().Query(run.Jobs.Values.ToList());
            var counts = new Dictionary<string, int>();
            foreach (var node in study.Pipeline.Graph.Nodes.Where(n => run.Jobs.ContainsKey(n.Id)))
            {
                var job = run.Jobs[node.Id];
                var state = states[job];
                var word = done.Has(node) ? "done" : state.IsActive ? (state.State == "PENDING" ? "pending" : "running")
                    : state.Failed || state.Succeeded ? "failed" : "lost";
                counts[word] = counts.GetValueOrDefault(word) + 1;
                Console.WriteLine($"{word,-8} {node.Label}  job {job} {state.State} {state.Reason}" +
                    (word is "failed" or "lost" ? $"  (log {study.Logs.PathOf(node)})" : ""));
            }
            Console.WriteLine($"status: {run.Jobs.Count} job(s) submitted {run.SubmittedUtc:u}: " +
                string.Join(", ", new[] { "pending", "running", "done", "failed", "lost" }
                    .Select(w => $"{counts.GetValueOrDefault(w)} {w}")));
            return counts.GetValueOrDefault("failed") + counts.GetValueOrDefault("lost") > 0 ? ExitCodes.Failed : 0;
        });
        return command;
    }
}
