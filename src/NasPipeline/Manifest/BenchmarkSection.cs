using System.Text.Json.Serialization;

namespace NasPipeline.Manifest;

/// <summary>
/// [benchmark]: the NAS-Bench-201 ground-truth table (nb201.csv format) for the <c>nb201</c> evaluator and the proxy
/// study. The path is read where the tool runs (the repository root for Cake), like [dataset] path; the table is
/// never copied into the project.
/// </summary>
public sealed record BenchmarkSection(string? Table, [property: JsonIgnore] SourceLocation? TableLocation)
{
    public static BenchmarkSection Read(TomlSection s)
    {
        var entry = s.Find("table");
        var table = s.PathString("table", "");
        s.RejectUnknownKeys();
        return new BenchmarkSection(table.Length == 0 ? null : table, entry?.ValueLocation);
    }

    /// <summary>Where the table is named, for errors about it ("file:line:col: [benchmark] table …").</summary>
    public string Describe() =>
        TableLocation is { } at ? $"{at}: [benchmark] table = \"{Table}\"" : "[benchmark] table";
}
