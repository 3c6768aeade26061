namespace NasPipeline.Execution.Slurm;

/// <summary>
/// The squeue output <see cref="SlurmClient.Query"/> reads: one line per job, <c>id|state|reason|exit status|</c>.
/// <c>--Format</c> rather than <c>-o</c> because only it has the exit code, which is the raw wait status
/// (768 = exit 3, 15 = killed by SIGTERM).
/// </summary>
public static class SqueueOutput
{
    /// <summary>The <c>squeue -O</c> argument: a "|" suffix and no width, so no field is padded or cut.</summary>
    public const string Format = "JobID:|,State:|,Reason:|,exit_code:|";

    public static IReadOnlyList<SlurmJobStatus> Parse(string stdout)
    {
        var statuses = new List<SlurmJobStatus>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('|');
            if (fields.Length < 4) throw new SlurmException($"squeue: unexpected line '{line}' (format {Format})");
            var (id, state, reason) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim());
            var status = new SlurmJobStatus(id, state, reason, null);
            statuses.Add(status.IsActive ? status : status with { ExitCode = ExitCode(fields[3].Trim()) });
        }
        return statuses;
    }

    /// <summary>A wait status as a shell reports it: the exit code, or 128 + the signal that killed the job.</summary>
    static int? ExitCode(string rawStatus)
    {
        if (!int.TryParse(rawStatus, out var raw)) return null;
        var signal = raw & 0x7f;
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal;
    }
}
