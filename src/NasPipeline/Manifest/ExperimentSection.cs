using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace NasPipeline.Manifest;

/// <summary>
/// [experiment]: what the study is called, which seeds it runs, on what hardware, and where artifacts live.
/// </summary>
public sealed partial record ExperimentSection(
    string Name, IReadOnlyList<int> Seeds, ComputeSettings Compute, string Artifacts)
{
    public int Threads => Compute.Threads;

    /// <summary>
    /// Whether the other grid cells go on after a node fails (and the report lists the failed cells), or the run
    /// stops starting nodes. Not part of any key: it decides what runs, not what a node computes.
    /// </summary>
    [JsonIgnore] public OnFailure OnFailure { get; init; } = OnFailure.Stop;

    public static ExperimentSection Read(TomlSection s)
    {
        var name = s.RequireString("name");
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new ManifestException(s.Find("name")!.ValueLocation,
                $"'name' = \"{name}\" must be letters, digits, '-', '_' or '.' (it names a folder)");
        if (name is "." or "..")
            throw new ManifestException(s.Find("name")!.ValueLocation,
                $"'name' = \"{name}\" must not be '.' or '..': it names a folder in the artifacts and report folders");
        var seedsEntry = s.Find("seeds");
        // Seeds are non-negative: torch.manual_seed and the data split take them, and they name folders (seed=3).
        var seeds = s.IntList("seeds", [0], minCount: 1, min: 0);
        if (seeds.Distinct().Count() != seeds.Count)
            throw new ManifestException(seedsEntry!.ValueLocation, "'seeds' lists a seed twice");
        var device = s.String("device", "cpu");
        if (!DevicePattern().IsMatch(device))
            throw new ManifestException(s.Find("device")!.ValueLocation,
                $"'device' = \"{device}\" must be \"cpu\", \"cuda\" or \"cuda:<index>\"");
        var compute = new ComputeSettings(s.Int("threads", 2, min: 1, max: 256), device)
        {
            DeviceLocation = s.Find("device")?.ValueLocation,
        };
        var onFailure = s.Choice("on_failure", "stop", ["stop", "continue"]) == "continue"
            ? OnFailure.Continue : OnFailure.Stop;
        var section = new ExperimentSection(name, seeds, compute, s.PathString("artifacts", ".nas"))
        {
            OnFailure = onFailure,
        };
        s.RejectUnknownKeys();
        return section;
    }

    [GeneratedRegex(@"^(cpu|cuda(:\d{1,2})?)$")]
    private static partial Regex DevicePattern();
}

/// <summary>
/// Where tensors live and how many CPU threads compute them. Part of every compute node's key: libtorch's CPU
/// kernels split reductions by thread count, so the same seed gives slightly different floats with 1 and 2 threads.
/// </summary>
public sealed record ComputeSettings(int Threads, string Device)
{
    /// <summary>Where the manifest sets <c>device</c> (not part of any key), for errors about the device.</summary>
    [JsonIgnore] public SourceLocation? DeviceLocation { get; init; }
}
