namespace NasPipeline.Checkpoints;

/// <summary>
/// A node stopped on request (see <see cref="StopSignal"/>), after saving what a rerun needs to resume.
/// </summary>
public sealed class NodeInterruptedException(string message) : Exception(message)
{
    /// <summary>EX_TEMPFAIL: "try again"; the Slurm job script requeues a job whose node exits with it.</summary>
    public const int ExitCode = 75;
}
