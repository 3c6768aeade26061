using NasPipeline.Benchmarks;

namespace NasPipeline.Tests.Benchmarks;

/// <summary>
/// The NAS-Bench-201 table from ../shared/data/nb201/, read in place (never copied into the project).
/// </summary>
public static class SharedTable
{
    public static string Path => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoPaths.Root, "..", "shared",
        "data", "nb201", "nb201.csv"));

    static readonly Lazy<Nb201Table?> Table = new(() => File.Exists(Path) ? Nb201Table.Load(Path) : null);

    /// <summary>The table, or the test is skipped saying where it looked.</summary>
    public static Nb201Table Require() =>
        Table.Value
            ?? throw new IgnoreException($"NAS-Bench-201 ground truth not found at {Path}; benchmark tests skipped");
}
