namespace NasPipeline.Manifest;

/// <summary>
/// One key = value with where it was written. Value is a string, long, double, bool,
/// <see cref="TomlSection"/> (inline table) or IReadOnlyList&lt;TomlEntry&gt; (array; items keyed by index).
/// </summary>
public sealed record TomlEntry(string Key, object Value, SourceLocation KeyLocation, SourceLocation ValueLocation);
