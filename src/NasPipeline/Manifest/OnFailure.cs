namespace NasPipeline.Manifest;

/// <summary>
/// <c>[experiment] on_failure</c>: what the other nodes do once a node fails (a data error, a diverged loss, a
/// crash). Either way nothing that reads the failed node runs, and the command exits 1.
/// </summary>
public enum OnFailure
{
    /// <summary>
    /// No further node starts; nodes already running (other processes, Slurm jobs) finish. No report.
    /// </summary>
    Stop,

    /// <summary>
    /// Every node that does not read the failed one goes on, and the report still runs, listing the failed cells.
    /// </summary>
    Continue,
}
