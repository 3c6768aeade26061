namespace NasPipeline.Execution.Slurm;

/// <summary>
/// The one place that runs Slurm commands (sbatch, squeue, scancel, scontrol). Without accounting (no slurmdbd) a
/// finished job stays visible only for the cluster's <c>MinJobAge</c>; after that <see cref="Query"/> reports it
/// as <see cref="SlurmJobStatus.Unknown"/>.
/// </summary>
/// <param name="configPath">The slurm.conf the commands read (exported to them as SLURM_CONF, and so to the jobs);
/// null keeps the process's own SLURM_CONF or Slurm's default.</param>
/// <param name="timeout">How long one command may take (default 60 s).</param>
public sealed class SlurmClient(string? configPath = null, TimeSpan? timeout = null)
{
    // squeue -j with many ids: a few hundred per call keeps the command line short on a large study.
    const int QueryBatch = 200;
    static readonly string[] Commands = ["sbatch", "squeue", "scancel", "scontrol"];
    // Debian's compiled-in default, and where slurmd caches the config on a configless cluster.
    static readonly string[] DefaultConfigs = ["/etc/slurm/slurm.conf", "/run/slurm/conf/slurm.conf"];

    readonly SlurmCommand _command = new(configPath, timeout ?? TimeSpan.FromSeconds(60));

    public string? ConfigPath { get; } = configPath;

    /// <summary>The Slurm commands are on PATH and the controller answers <c>scontrol ping</c>.</summary>
    public bool IsAvailable(out string reason)
    {
        var missing = Commands.Where(c => !OnPath(c)).ToList();
        if (missing.Count > 0)
        {
            reason = $"not on PATH: {string.Join(", ", missing)}";
            return false;
        }
        // A missing config makes every client command retry for a minute before it gives up.
        var config = ConfigPath ?? Environment.GetEnvironmentVariable("SLURM_CONF");
        if (config is not null && !File.Exists(config))
        {
            reason = $"no Slurm config at {config}";
            return false;
        }
        // Without SLURM_CONF and the default files a configless cluster may still answer (DNS SRV): ask briefly.
        var found = config is not null || DefaultConfigs.Any(File.Exists);
        try
        {
            var ping = new SlurmCommand(ConfigPath, TimeSpan.FromSeconds(found ? 15 : 5)).Run("scontrol", ["ping"]);
            reason = (ping.StdOut + ping.StdErr).Trim();
            return ping.ExitCode == 0 && ping.StdOut.Contains("is UP");
        }
        catch (SlurmException e)
        {
            reason = found ? e.Message : $"no Slurm config (SLURM_CONF unset, {DefaultConfigs[0]} absent): {e.Message}";
            return false;
        }
    }

    /// <summary>Submits the job's script (on sbatch's stdin) and returns its job id.</summary>
    public string Submit(SlurmJob job)
    {
        var script = SlurmScript.For(job);
        if (!Directory.Exists(job.WorkingDirectory))
            throw new DirectoryNotFoundException(
                $"job '{job.Name}': working directory {job.WorkingDirectory} does not exist");
        // Slurm does not create the output folder; a job that cannot open its output fails without a word.
        var outputFolder = Path.GetDirectoryName(Path.GetFullPath(job.OutputPath));
        if (outputFolder is not null) Directory.CreateDirectory(outputFolder);

        var result = _command.Run("sbatch", ["--parsable"], stdin: script);
        if (result.ExitCode != 0)
            throw new SlurmException(
                $"sbatch failed for job '{job.Name}' (exit {result.ExitCode}): {result.StdErr.Trim()}");
        // --parsable prints "id" or "id;cluster".
        var id = result.StdOut.Trim().Split(';')[0];
        return SlurmJobIds.Checked([id])[0];
    }

    /// <summary>
    /// The status of each id asked for; ids squeue does not list come back as <see cref="SlurmJobStatus.Unknown"/>.
    /// </summary>
    public IReadOnlyDictionary<string, SlurmJobStatus> Query(IReadOnlyCollection<string> ids)
    {
        var statuses = new Dictionary<string, SlurmJobStatus>();
        foreach (var batch in SlurmJobIds.Checked(ids).Distinct().Chunk(QueryBatch))
        {
            var result = _command.Run("squeue",
                ["-h", "-t", "all", "-j", string.Join(',', batch), "-O", SqueueOutput.Format]);
            // Only when none of the ids is known does squeue fail, with this message.
            var noneKnown = result.ExitCode != 0 && result.StdErr.Contains("Invalid job id specified");
            if (result.ExitCode != 0 && !noneKnown)
                throw new SlurmException($"squeue failed (exit {result.ExitCode}): {result.StdErr.Trim()}");
            if (!noneKnown)
                foreach (var status in SqueueOutput.Parse(result.StdOut)) statuses[status.Id] = status;
            foreach (var id in batch) statuses.TryAdd(id, SlurmJobStatus.Gone(id));
        }
        return statuses;
    }

    /// <summary>Cancels the jobs; ids that already ended or that Slurm does not know are no error.</summary>
    public void Cancel(IEnumerable<string> ids)
    {
        var list = SlurmJobIds.Checked(ids);
        if (list.Count == 0) return;
        var result = _command.Run("scancel", list);
        if (result.ExitCode != 0)
            throw new SlurmException($"scancel failed (exit {result.ExitCode}): {result.StdErr.Trim()}");
    }

    static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
