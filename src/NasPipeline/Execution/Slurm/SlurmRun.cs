using System.Text.Json;
using NasPipeline.Caching;

namespace NasPipeline.Execution.Slurm;

/// <summary>
/// The jobs a Slurm run submitted, by node id, kept beside the cache
/// (<c>&lt;artifacts&gt;/runs/&lt;experiment&gt;.slurm.json</c>) so <c>nas status</c> can report a detached run and
/// a rerun reuses jobs that are still queued or running instead of submitting them again.
/// </summary>
public sealed record SlurmRun(string Manifest, DateTime SubmittedUtc, IReadOnlyDictionary<string, string> Jobs)
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string PathFor(string artifacts, string experiment) =>
        Path.Combine(Path.GetFullPath(artifacts), "runs", experiment + ".slurm.json");

    public static SlurmRun? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<SlurmRun>(File.ReadAllText(path)); }
        catch (JsonException) { return null; } // a torn file: the cache still says what is done
    }

    public void Save(string path) => AtomicFile.WriteText(path, JsonSerializer.Serialize(this, Indented));
}
