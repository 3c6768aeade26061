namespace NasPipeline.Execution.Slurm;

/// <summary>
/// What a job asks Slurm for; null leaves the cluster's default. Values go to sbatch as they are (<c>Time</c>
/// "1-00:00:00", <c>Mem</c> "16G", <c>Gres</c> "gpu:1"). <c>Extra</c> holds raw sbatch arguments passed through, one
/// argument per element as on a command line (<c>["--qos=long"]</c> or <c>["--constraint", "a100"]</c>).
/// </summary>
public sealed record SlurmResources(
    string? Partition,
    string? Account,
    string? Time,
    int? CpusPerTask,
    string? Mem,
    string? Gres,
    IReadOnlyList<string> Extra)
{
    /// <summary>Nothing requested: the cluster's defaults.</summary>
    public static SlurmResources Default { get; } = new(null, null, null, null, null, null, []);
}
