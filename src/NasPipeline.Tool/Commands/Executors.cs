using NasPipeline.Execution;
using NasPipeline.Execution.Slurm;
using NasPipeline.Graph;

namespace NasPipeline.Tool.Commands;

/// <summary>
/// The executor a stage command runs with: [executor] from the manifest, overridden on the command line.
/// </summary>
public static class Executors
{
    public sealed record Choice(IExecutor Executor, string Describe);

    public static Choice Create(Study study, string kind, int jobs, bool detach)
    {
        var onFailure = study.Manifest.Experiment.OnFailure;
        if (jobs < 1) throw new ArgumentException($"--jobs {jobs}: needs at least 1");
        if (detach && kind != "slurm")
            throw new ArgumentException("--detach needs the slurm executor (--executor slurm)");
        return kind switch
        {
            "local" when jobs == 1 => new(new InProcessExecutor(study.Runner, study.Logs, onFailure),
                "the local executor (1 job, in process)"),
            "local" => new(
                new LocalProcessExecutor(study.Runner, jobs, study.RunNodeCommand, study.Logs, StopSignals.Stop,
                    onFailure),
                $"the local executor ({jobs} jobs, one process each)"),
            "slurm" => SlurmChoice(study, detach),
            _ => throw new ArgumentException($"--executor \"{kind}\": expected local or slurm"),
        };
    }

    static Choice SlurmChoice(Study study, bool detach)
    {
        var slurm = new SlurmClient();
        if (!slurm.IsAvailable(out var reason))
            throw new ArgumentException($"--executor slurm: no Slurm cluster answers here: {reason}");
        var m = study.Manifest;
        var runFile = SlurmRun.PathFor(study.Store.Root, m.Experiment.Name);
        var executor = new SlurmExecutor(study.Runner, slurm, m.Executor.Slurm, m.Experiment.Threads,
            study.RunNodeCommand, study.Logs, runFile, study.ManifestPath, detach, StopSignals.Stop,
            m.Experiment.OnFailure);
        return new(executor, $"the slurm executor ({(detach ? "submit and return" : "submit and wait")})");
    }
}
