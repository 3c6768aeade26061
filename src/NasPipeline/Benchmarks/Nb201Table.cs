using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using NasPipeline.Caching;
using NasPipeline.Data;
using NasPipeline.Manifest;

namespace NasPipeline.Benchmarks;

/// <summary>
/// The NAS-Bench-201 ground-truth table (one row per architecture, see shared/data/nb201/README.md), indexed by
/// arch string, with ranks among all architectures.
/// </summary>
public sealed class Nb201Table
{
    readonly Dictionary<string, Nb201Entry> _byArch;
    readonly double[] _testSorted;

    Nb201Table(IReadOnlyList<Nb201Entry> entries, string hash)
    {
        Entries = entries;
        Hash = hash;
        _byArch = entries.ToDictionary(e => e.Arch, StringComparer.Ordinal);
        _testSorted = entries.Select(e => e.Cifar10Test).OrderByDescending(v => v).ToArray();
    }

    public IReadOnlyList<Nb201Entry> Entries { get; }

    /// <summary>SHA-256 of the file's bytes: stage keys name the table by content, not by path.</summary>
    public string Hash { get; }

    /// <summary>Best CIFAR-10 test accuracy in the table (94.37 for the full benchmark).</summary>
    public double BestCifar10Test => _testSorted[0];

    /// <summary>The table a manifest names; a missing file is reported with the manifest's file:line:col.</summary>
    public static Nb201Table Load(BenchmarkSection section)
    {
        if (section.Table is null)
            throw new DataException("no NAS-Bench-201 table configured: add [benchmark] table = \"…/nb201.csv\"");
        if (!File.Exists(section.Table))
            throw new DataException($"{section.Describe()}: file not found ({Path.GetFullPath(section.Table)}); " +
                "expected the NAS-Bench-201 ground-truth table nb201.csv");
        return Read(section.Table);
    }

    public static Nb201Table Load(string path)
    {
        if (!File.Exists(path))
            throw new DataException($"NAS-Bench-201 table not found: {path} (expected the nb201.csv ground-truth " +
                "table; set [benchmark] table)");
        return Read(path);
    }

    static Nb201Table Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader,
            new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a =>
            a.Header.ToLowerInvariant() });
        var entries = new List<Nb201Entry>();
        csv.Read();
        csv.ReadHeader();
        foreach (var column in new[] { "index", "arch", "params_m", "cifar10_valid_acc", "cifar10_test_acc",
            "cifar100_test_acc", "imagenet16_test_acc" })
            if (!csv.HeaderRecord!.Contains(column))
                throw new DataException($"{path}: column '{column}' missing; columns are " +
                    $"{string.Join(", ", csv.HeaderRecord!)}");
        while (csv.Read())
            entries.Add(new Nb201Entry(
                csv.GetField<int>("index"), csv.GetField("arch")!, csv.GetField<double>("params_m"),
                csv.GetField<double>("cifar10_valid_acc"), csv.GetField<double>("cifar10_test_acc"),
                csv.GetField<double>("cifar100_test_acc"), csv.GetField<double>("imagenet16_test_acc"),
                csv.HeaderRecord!.Contains("naswot_cifar10") && csv.GetField("naswot_cifar10") is { Length: > 0 } s
                    ? double.Parse(s, CultureInfo.InvariantCulture) : null));
        return new Nb201Table(entries, StageKey.HashFile(path));
    }

    /// <summary>The architecture's row; a clear error when the table lacks it.</summary>
    public Nb201Entry Lookup(string arch) =>
        _byArch.TryGetValue(arch, out var entry) ? entry
            : throw new DataException($"architecture {arch} is not in the NAS-Bench-201 table ({Entries.Count} rows)");

    /// <summary>
    /// A seeded sample of <paramref name="size"/> architectures in table order (all when 0 or at least the table's
    /// size).
    /// </summary>
    public IReadOnlyList<Nb201Entry> Sample(int size, int seed)
    {
        if (size <= 0 || size >= Entries.Count) return Entries;
        return Permutation.Seeded(Entries.Count, seed)[..size].Order().Select(i => Entries[i]).ToList();
    }

    /// <summary>
    /// The <c>nb201</c> evaluator: the architecture's benchmark accuracies, rank, percentile and regret.
    /// </summary>
    public BenchmarkResult Evaluate(string arch)
    {
        var entry = Lookup(arch);
        var (rank, percentile) = Cifar10TestRank(entry.Cifar10Test);
        return new BenchmarkResult(entry.Cifar10Valid, entry.Cifar10Test, entry.Cifar100Test, entry.ImageNet16Test,
            rank, Entries.Count, percentile, BestCifar10Test - entry.Cifar10Test);
    }

    /// <summary>
    /// 1-based rank by CIFAR-10 test accuracy (ties share the best rank) and the share of architectures it beats or
    /// ties.
    /// </summary>
    public (int Rank, double Percentile) Cifar10TestRank(double accuracy)
    {
        var better = _testSorted.TakeWhile(v => v > accuracy).Count();
        return (better + 1, 100.0 * (Entries.Count - better) / Entries.Count);
    }
}
