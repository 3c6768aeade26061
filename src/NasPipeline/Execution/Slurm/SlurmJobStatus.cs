namespace NasPipeline.Execution.Slurm;

/// <summary>
/// A job's state as squeue reports it, with Slurm's raw state name (PENDING, RUNNING, COMPLETED, FAILED, …) and
/// reason (Dependency, BeginTime, DependencyNeverSatisfied, NonZeroExitCode, …).
/// </summary>
/// <param name="Id">The job id.</param>
/// <param name="State">Slurm's state name, or <see cref="Unknown"/>.</param>
/// <param name="Reason">Why the job waits or ended ("None" when there is nothing to say).</param>
/// <param name="ExitCode">The batch script's exit code once the job has ended (128 + n when signal n killed it);
/// null while it is active or unknown.</param>
public sealed record SlurmJobStatus(string Id, string State, string Reason, int? ExitCode)
{
    /// <summary>
    /// The state of a job squeue no longer lists: ended more than <c>MinJobAge</c> ago (default 300 s) or never
    /// existed. Neither active, succeeded nor failed: the caller decides (e.g. from what the job should have written).
    /// </summary>
    public const string Unknown = "UNKNOWN";

    static readonly HashSet<string> FailedStates =
    [
        "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE",
        // PREEMPTED is final only when the cluster cancels preempted jobs; requeueing ones show REQUEUED/PENDING.
        "PREEMPTED",
        // Federation: another cluster runs the job; this cluster's copy will not.
        "REVOKED",
    ];

    /// <summary>A job that may still run: every state but the final ones (an unfamiliar state counts as active,
    /// so a newer Slurm makes a caller wait rather than report a failure that did not happen).</summary>
    public bool IsActive => !Succeeded && !Failed && !IsUnknown;

    public bool Succeeded => State == "COMPLETED";

    public bool Failed => FailedStates.Contains(State);

    public bool IsUnknown => State == Unknown;

    public static SlurmJobStatus Gone(string id) => new(id, Unknown, "", null);
}
