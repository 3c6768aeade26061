namespace NasPipeline.Tool;

/// <summary>
/// Process exit codes: 0 done, 1 failed while running, 2 bad input (manifest), 75 stopped to be resumed.
/// </summary>
public static class ExitCodes
{
    public const int Failed = 1;
    public const int BadManifest = 2;

    /// <summary>Stopped on SIGTERM after checkpointing (EX_TEMPFAIL): the Slurm job script requeues on it.</summary>
    public const int Interrupted = Checkpoints.NodeInterruptedException.ExitCode;
}
