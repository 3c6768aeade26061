using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using NasPipeline.Data;

namespace NasPipeline.Benchmarks;

/// <summary>
/// The NAS-Bench-201 ground-truth table (one row per architecture, see shared/data/nb201/README.md), indexed by
/// arch string, with ranks among all architectures.
/// </summary>
public sealed class Nb201Table
{
    readonly Dictionary<string, Nb201Entry> _byArch;
    readonly double[] _testSorted;

    Nb201Table(IReadOnlyList<Nb201Entry> entries)
    {
        Entries = entries;
        _byArch = entries.ToDictionary(e => e.Arch, StringComparer.Ordinal);
        _testSorted = entries.Select(e => e.Cifar10Test).OrderByDescending(v => v).ToArray();
    }

    public IReadOnlyList<Nb201Entry> Entries { get; }

    /// <summary>Best CIFAR-10 test accuracy in the table (94.37 for the full benchmark).</summary>
    public double BestCifar10Test => _testSorted[0];

    public static Nb201Table Load(string path)
    {
        if (!File.Exists(path))
            throw new DataException($"NAS-Bench-201 table not found: {path} (expected the nb201.csv ground-truth table; set [benchmark] table)");
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.ToLowerInvariant() });
        var entries = new List<Nb201Entry>();
        csv.Read();
        csv.ReadHeader();
        foreach (var column in new[] { "index", "arch", "params_m", "cifar10_valid_acc", "cifar10_test_acc", "cifar100_test_acc", "imagenet16_test_acc" })
            if (!csv.HeaderRecord!.Contains(column))
                throw new DataException($"{path}: column '{column}' missing; columns are {string.Join(", ", csv.HeaderRecord!)}");
        while (csv.Read())
            entries.Add(new Nb201Entry(
                csv.GetField<int>("index"), csv.GetField("arch")!, csv.GetField<double>("params_m"),
                csv.GetField<double>("cifar10_valid_acc"), csv.GetField<double>("cifar10_test_acc"),
                csv.GetField<double>("cifar100_test_acc"), csv.GetField<double>("imagenet16_test_acc"),
                csv.HeaderRecord!.Contains("naswot_cifar10") && csv.GetField("naswot_cifar10") is { Length: > 0 } s
                    ? double.Parse(s, CultureInfo.InvariantCulture) : null));
        return new Nb201Table(entries);
    }

    /// <summary>The architecture's row; a clear error when the table lacks it.</summary>
    public Nb201Entry Lookup(string arch) =>
        _byArch.TryGetValue(arch, out var entry) ? entry
            : throw new DataException($"architecture {arch} is not in the NAS-Bench-201 table ({Entries.Count} rows)");

    /// <summary>1-based rank by CIFAR-10 test accuracy (ties share the best rank) and the share of architectures it beats or ties.</summary>
    public (int Rank, double Percentile) Cifar10TestRank(double accuracy)
    {
        var better = _testSorted.TakeWhile(v => v > accuracy).Count();
        return (better + 1, 100.0 * (Entries.Count - better) / Entries.Count);
    }
}
