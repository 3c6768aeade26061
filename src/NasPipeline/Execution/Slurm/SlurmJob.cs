using NasPipeline.Manifest;
namespace NasPipeline.Execution.Slurm;

/// <summary>
/// One batch job: <see cref="SlurmScript.For"/> turns it into a script, <see cref="SlurmClient.Submit"/> submits it.
/// </summary>
/// <param name="Name">Slurm's job name (squeue shows it).</param>
/// <param name="Command">The program and its arguments, run as they are (no shell parsing of the values).</param>
/// <param name="WorkingDirectory">The job's working directory; must exist on the compute nodes.</param>
/// <param name="OutputPath">stdout and stderr of every run, appended; Slurm's %j-style patterns apply (a literal %
/// is written %%). <see cref="SlurmClient.Submit"/> creates its folder, which Slurm would not.</param>
/// <param name="Resources">Partition, time, CPUs, memory, GPUs and raw extra sbatch arguments.</param>
/// <param name="AfterOk">Job ids that must complete successfully first; if one fails, Slurm cancels this job.</param>
/// <param name="SignalGraceSeconds">TERM reaches the job this long before its time limit (0: no early signal).</param>
/// <param name="Environment">Variables exported before the command runs, on top of the submitter's environment.</param>
/// <param name="AfterAny">Wait for the <paramref name="AfterOk"/> jobs to end in any state (<c>afterany</c>) instead:
/// the job runs even when one failed or was cancelled (the report with <c>on_failure = "continue"</c>).</param>
public sealed record SlurmJob(
    string Name,
    IReadOnlyList<string> Command,
    string WorkingDirectory,
    string OutputPath,
    SlurmResources Resources,
    IReadOnlyList<string> AfterOk,
    int SignalGraceSeconds,
    IReadOnlyDictionary<string, string>? Environment = null,
    bool AfterAny = false);
