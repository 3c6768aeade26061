namespace NasPipeline.Manifest;

/// <summary>
/// [executor]: where the study's nodes run. Not part of any node key: every executor gives the same results.
/// <c>kind = "local"</c> runs up to <c>jobs</c> nodes at once on this machine; <c>kind = "slurm"</c> submits each
/// node as a Slurm job (see <see cref="SlurmSection"/>).
/// </summary>
public sealed record ExecutorSection(string Kind, int Jobs, SlurmSection Slurm)
{
    public static readonly string[] Kinds = ["local", "slurm"];

    public static ExecutorSection Read(TomlDocument doc)
    {
        var s = doc.Table("executor");
        var section = new ExecutorSection(s.Choice("kind", "local", Kinds), s.Int("jobs", 1, min: 1, max: 1024),
            SlurmSection.Read(doc));
        s.RejectUnknownKeys();
        return section;
    }
}

/// <summary>
/// [executor.slurm] and its per-stage tables ([executor.slurm.train], .select, .retrain, .evaluate, .proxy,
/// .report): sbatch resources, how early before the time limit a job is told to checkpoint (<c>grace</c>), and
/// how often <c>nas</c> polls the queue while it waits.
/// </summary>
public sealed record SlurmSection(
    SlurmResources Defaults, IReadOnlyDictionary<string, SlurmResources> Stages, int GraceSeconds, double PollSeconds)
{
    public static readonly string[] StageNames = ["train", "select", "retrain", "evaluate", "proxy", "report"];

    /// <summary>The resources of one stage's jobs: its own table's keys over the [executor.slurm] ones.</summary>
    public SlurmResources For(string stage) => Stages.TryGetValue(stage, out var own) ? own.Over(Defaults) : Defaults;

    public static SlurmSection Read(TomlDocument doc)
    {
        var s = doc.Table("executor.slurm");
        var defaults = SlurmResources.Read(s);
        var grace = s.Int("grace", 120, min: 1, max: 65535);
        var poll = s.Double("poll", 2, min: 0.1, max: 600);
        s.RejectUnknownKeys();
        var stages = new Dictionary<string, SlurmResources>();
        foreach (var stage in StageNames)
            if (doc.HasTable($"executor.slurm.{stage}"))
            {
                var t = doc.Table($"executor.slurm.{stage}");
                stages[stage] = SlurmResources.Read(t);
                t.RejectUnknownKeys();
            }
            else doc.Table($"executor.slurm.{stage}"); // known, so an unknown stage table is listed against these
        return new SlurmSection(defaults, stages, grace, poll);
    }
}
