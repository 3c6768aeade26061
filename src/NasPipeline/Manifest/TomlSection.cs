using System.Globalization;

namespace NasPipeline.Manifest;

/// <summary>
/// A TOML table whose reads are typed, located and tracked: every key a reader asks for becomes "known",
/// so <see cref="RejectUnknownKeys"/> can list the valid keys when a manifest has a typo.
/// </summary>
public sealed class TomlSection(string name, SourceLocation location)
{
    readonly Dictionary<string, TomlEntry> _entries = new(StringComparer.Ordinal);
    readonly List<string> _known = [];

    public string Name { get; } = name;
    public SourceLocation Location { get; } = location;
    public IEnumerable<TomlEntry> Entries => _entries.Values;

    internal void Add(TomlEntry entry)
    {
        if (!_entries.TryAdd(entry.Key, entry))
            throw new ManifestException(entry.KeyLocation, $"duplicate key '{entry.Key}' in [{Name}]");
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    public TomlEntry? Find(string key)
    {
        if (!_known.Contains(key)) _known.Add(key);
        return _entries.GetValueOrDefault(key);
    }

    public string String(string key, string fallback) => Find(key) is { } e ? AsString(e) : fallback;
    public string RequireString(string key) => AsString(Require(key, "a string"));

    /// <summary>
    /// A file or folder path: not empty and without NUL, which .NET refuses in paths (so an error here, with its
    /// place, rather than an exception when a stage first uses it).
    /// </summary>
    public string PathString(string key, string fallback)
    {
        if (Find(key) is not { } e) return fallback;
        var value = AsString(e);
        if (value.Trim().Length == 0)
            throw new ManifestException(e.ValueLocation, $"[{Name}] {key} must be a path, got an empty string");
        if (value.Contains('\0'))
            throw new ManifestException(e.ValueLocation, $"[{Name}] {key} must not contain a NUL character");
        return value;
    }

    public long Integer(string key, long fallback, long min = long.MinValue, long max = long.MaxValue) =>
        Find(key) is { } e ? AsInteger(e, min, max) : fallback;
    /// <summary>An int, range-checked before narrowing: 5000000000 is out of range, never truncated.</summary>
    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue) =>
        (int)Integer(key, fallback, min, max);

    /// <summary>A finite number in [min, max]: inf and nan are rejected even where no bound is given.</summary>
    public double Double(
        string key, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        Find(key) is { } e ? AsDouble(e, min, max) : fallback;
    public bool Bool(string key, bool fallback) => Find(key) is { } e ? AsBool(e) : fallback;

    /// <summary>An array of ints, each range-checked at its own place before narrowing.</summary>
    public IReadOnlyList<int> IntList(
        string key, IReadOnlyList<int> fallback, int minCount = 0, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Find(key) is not { } e) return fallback;
        var items = AsArray(e, "an array of integers");
        if (items.Count < minCount)
            throw new ManifestException(e.ValueLocation,
                $"'{key}' needs at least {minCount} value(s), got {items.Count}");
        return items.Select(i => (int)AsInteger(i, min, max)).ToList();
    }

    public IReadOnlyList<string> StringList(string key, IReadOnlyList<string> fallback)
    {
        if (Find(key) is not { } e) return fallback;
        return AsArray(e, "an array of strings").Select(AsString).ToList();
    }

    /// <summary>Accepts only one of <paramref name="allowed"/>, listing them when the value is another.</summary>
    public string Choice(string key, string fallback, IReadOnlyCollection<string> allowed)
    {
        if (Find(key) is not { } e) return fallback;
        var value = AsString(e);
        if (!allowed.Contains(value))
            throw new ManifestException(e.ValueLocation,
                $"'{key}' = \"{value}\" is not one of: {string.Join(", ", allowed)}");
        return value;
    }

    /// <summary>
    /// A non-empty list of distinct values from <paramref name="allowed"/> (e.g. evaluators = ["retrain", "nb201"]);
    /// errors point at the array and call an entry <paramref name="item"/> ("unknown proxy …; proxies: …").
    /// </summary>
    public IReadOnlyList<string> ChoiceList(string key, IReadOnlyList<string> fallback,
        IReadOnlyCollection<string> allowed, string item)
    {
        var at = Find(key)?.ValueLocation ?? Location;
        var values = StringList(key, fallback);
        if (values.Count == 0)
            throw new ManifestException(at, $"[{Name}] {key} needs at least one of: {string.Join(", ", allowed)}");
        foreach (var value in values)
            if (!allowed.Contains(value))
                throw new ManifestException(at, $"unknown {item} \"{value}\"; {key}: {string.Join(", ", allowed)}");
        if (values.FirstOrDefault(v => values.Count(w => w == v) > 1) is { } twice)
            throw new ManifestException(at, $"[{Name}] {key} lists {item} \"{twice}\" twice");
        return values;
    }

    public TomlEntry Require(string key, string expected) =>
        Find(key) ?? throw new ManifestException(Location, $"[{Name}] is missing required key '{key}' ({expected})");

    /// <summary>Fails on the first key no reader asked for, naming the keys this section accepts.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var entry in _entries.Values)
            if (!_known.Contains(entry.Key))
                throw new ManifestException(entry.KeyLocation,
                    $"unknown key '{entry.Key}' in [{Name}]; expected one of: {string.Join(", ", _known)}");
    }

    static string AsString(TomlEntry e) =>
        e.Value as string ?? throw TypeError(e, "a string");

    static bool AsBool(TomlEntry e) =>
        e.Value as bool? ?? throw TypeError(e, "true or false");

    static long AsInteger(TomlEntry e, long min, long max)
    {
        if (e.Value is not long v) throw TypeError(e, "an integer");
        if (v < min || v > max)
            throw new ManifestException(e.ValueLocation, $"'{e.Key}' = {v} is out of range {Range(min, max)}");
        return v;
    }

    static double AsDouble(TomlEntry e, double min, double max)
    {
        var v = e.Value switch { double d => d, long l => l, _ => throw TypeError(e, "a number") };
        if (!double.IsFinite(v))
            throw new ManifestException(e.ValueLocation, $"'{e.Key}' = {Toml(v)} is not a finite number");
        if (!(v >= min && v <= max))
            throw new ManifestException(e.ValueLocation, $"'{e.Key}' = {Toml(v)} is out of range {Range(min, max)}");
        return v;
    }

    static IReadOnlyList<TomlEntry> AsArray(TomlEntry e, string expected) =>
        e.Value as IReadOnlyList<TomlEntry> ?? throw TypeError(e, expected);

    /// <summary>A number as TOML writes it (inf, -inf, nan), for messages.</summary>
    static string Toml(double v) =>
        double.IsNaN(v) ? "nan"
        : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf")
        : v.ToString(CultureInfo.InvariantCulture);

    static string Range(double min, double max) =>
        $"[{(double.IsNegativeInfinity(min) || min == long.MinValue
            ? "-inf" : min.ToString(CultureInfo.InvariantCulture))}, " +
        $"{(double.IsPositiveInfinity(max) || max == long.MaxValue
            ? "inf" : max.ToString(CultureInfo.InvariantCulture))}]";

    static ManifestException TypeError(TomlEntry e, string expected) =>
        new(e.ValueLocation, $"'{e.Key}' must be {expected}, got {Describe(e.Value)}");

    static string Describe(object value) => value switch
    {
        string s => $"the string \"{s}\"",
        long l => $"the integer {l}",
        double d => $"the number {d.ToString(CultureInfo.InvariantCulture)}",
        bool b => b ? "true" : "false",
        TomlSection => "a table",
        IReadOnlyList<TomlEntry> => "an array",
        _ => value.GetType().Name,
    };
}
