using System.CommandLine;

namespace NasPipeline.Tool.Commands;

/// <summary>
/// <c>nas run-node --node &lt;id&gt;</c>: builds one node whose upstream nodes are cached; what the parallel local
/// executor's processes and every Slurm job run. Node ids are those <c>nas plan</c> works with.
/// </summary>
public static class RunNodeCommand
{
    public static Command Create()
    {
        var node = new Option<string>("--node") { Description = "node id, e.g. train/darts/seed=0", Required = true };
        var command = new Command("run-node", "Run one node of the study graph (its upstream nodes must be cached)")
        {
            CommonOptions.Manifest, CommonOptions.Artifacts, CommonOptions.Templates, node,
        };
        command.SetAction(parse =>
        {
            var study = Study.Open(parse);
            var id = parse.GetValue(node)!;
            Console.WriteLine($"nas run-node: {id} of {study.Manifest.Experiment.Name} on {Environment.MachineName} " +
                $"(pid {Environment.ProcessId})");
            // The node's failure reason is kept beside its log for whichever process builds the report.
            var graphNode = study.Pipeline.Graph.Find(id);
            study.Logs.ClearReason(graphNode);
            NasPipeline.Graph.INodeResult result;
            try { result = study.Pipeline.RunNode(id, study.Logs.ReasonOf); }
            catch (Exception e) when (e is not NasPipeline.Checkpoints.NodeInterruptedException)
            {
                study.Logs.WriteReason(graphNode, e.Message);
                throw;
            }
            Console.WriteLine($"nas run-node: {id} {(result.Cached ? "was cached" : "done")} ({result.Key[..12]})");
            return 0;
        });
        return command;
    }
}
