namespace NasPipeline.Checkpoints;

/// <summary>
/// A request to stop at the next step boundary (SIGTERM from Slurm before a time limit or on preemption, or a test).
/// Long loops poll it, save a checkpoint and throw <see cref="NodeInterruptedException"/>; the process then exits
/// with <see cref="NodeInterruptedException.ExitCode"/> so the job script requeues it.
/// </summary>
public sealed class StopSignal
{
    volatile bool _requested;

    /// <summary>A signal nobody raises (tests and tools that never stop early).</summary>
    public static StopSignal Never => new();

    public bool Requested => _requested;

    public void Request() => _requested = true;

    /// <summary>
    /// Throws <see cref="NodeInterruptedException"/> when a stop was requested (for loops with nothing to save).
    /// </summary>
    public void ThrowIfRequested(string where)
    {
        if (_requested)
            throw new NodeInterruptedException($"{where}: stopped on request before finishing (nothing to save)");
    }
}
