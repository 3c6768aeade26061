using System.Text.RegularExpressions;

namespace NasPipeline.Manifest;

/// <summary>
/// sbatch resources of a job: <c>partition</c>, <c>account</c>, <c>time</c> (Slurm's formats: <c>MM</c>,
/// <c>HH:MM:SS</c>, <c>D-HH</c>, …), <c>cpus_per_task</c>, <c>mem</c> (e.g. <c>8G</c>), <c>gres</c> (e.g.
/// <c>gpu:1</c>) and <c>extra</c>, raw sbatch arguments passed through as written, one argument per element as on a
/// command line (<c>["--qos=long"]</c> or <c>["--constraint", "a100"]</c>). Null = Slurm's default.
/// </summary>
public sealed partial record SlurmResources(
    string? Partition, string? Account, string? Time, int? CpusPerTask, string? Mem, string? Gres,
    IReadOnlyList<string>? Extra)
{
    /// <summary>Nothing requested: the cluster's defaults.</summary>
    public static SlurmResources Default { get; } = new(null, null, null, null, null, null, null);

    /// <summary>These resources, with <paramref name="defaults"/> wherever these leave a key unset.</summary>
    public SlurmResources Over(SlurmResources defaults) => new(
        Partition ?? defaults.Partition, Account ?? defaults.Account, Time ?? defaults.Time,
        CpusPerTask ?? defaults.CpusPerTask, Mem ?? defaults.Mem, Gres ?? defaults.Gres, Extra ?? defaults.Extra);

    public static SlurmResources Read(TomlSection s) => new(
        Text(s, "partition", null, "a partition name"), Text(s, "account", null, "an account name"),
        Text(s, "time", TimePattern(), "a Slurm time limit such as \"90\", \"04:00:00\" or \"2-00:00:00\""),
        s.Find("cpus_per_task") is null ? null : s.Int("cpus_per_task", 1, min: 1, max: 4096),
        Text(s, "mem", MemoryPattern(), "a Slurm memory size such as \"8G\" or \"16000M\""),
        Text(s, "gres", null, "a generic resource such as \"gpu:1\""),
        s.Find("extra") is null ? null : ExtraArguments(s));

    static string? Text(TomlSection s, string key, Regex? pattern, string expected)
    {
        if (s.Find(key) is not { } entry) return null;
        var value = s.String(key, "");
        if (value.Trim().Length == 0 || (pattern is not null && !pattern.IsMatch(value)))
            throw new ManifestException(entry.ValueLocation, $"[{s.Name}] {key} = \"{value}\" must be {expected}");
        return value;
    }

    static IReadOnlyList<string> ExtraArguments(TomlSection s)
    {
        var values = s.StringList("extra", []);
        if (values.FirstOrDefault(v => !v.StartsWith('-')) is { } bad)
            throw new ManifestException(s.Find("extra")!.ValueLocation,
                $"[{s.Name}] extra lists \"{bad}\": each entry is one sbatch argument such as \"--qos=long\"");
        return values;
    }

    [GeneratedRegex(@"^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|" +
        @"\d+-\d{1,2}|\d+-\d{1,2}:\d{1,2}|\d+-\d{1,2}:\d{1,2}:\d{1,2}|infinite|UNLIMITED)$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\d+[KMGT]?$")]
    private static partial Regex MemoryPattern();
}
