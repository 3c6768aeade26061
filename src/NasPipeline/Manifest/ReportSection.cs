namespace NasPipeline.Manifest;

/// <summary>
/// [report]: where the report goes and how it reads, which selector the others are tested against
/// (<see cref="Baseline"/>; null for a proxy study without a grid), and the factors of its energy and CO₂e account.
/// </summary>
public sealed record ReportSection(
    string Title, string OutputDirectory, int Decimals, string? Baseline, FootprintFactors Footprint)
{
    public static ReportSection Read(TomlSection s, string experimentName, IReadOnlyList<PluginSpec> selectors)
    {
        var section = new ReportSection(
            s.String("title", $"NasPipeline study: {experimentName}"), s.PathString("output", "reports/out"),
            s.Int("decimals", 2, min: 0, max: 6), ReadBaseline(s, selectors), FootprintFactors.Read(s));
        s.RejectUnknownKeys();
        return section;
    }

    /// <summary>
    /// The paper compares every selector with magnitude, the selection its trainers were published with: by default
    /// the first selector whose method is <c>magnitude</c>, else the first selector.
    /// </summary>
    static string? ReadBaseline(TomlSection s, IReadOnlyList<PluginSpec> selectors)
    {
        var fallback = (selectors.FirstOrDefault(x => x.Method == "magnitude") ?? selectors.FirstOrDefault())?.Id;
        if (s.Find("baseline") is not { } entry) return fallback;
        var id = s.String("baseline", "");
        if (selectors.All(x => x.Id != id))
            throw new ManifestException(entry.ValueLocation,
                $"[report] baseline = \"{id}\" is not a selector id; selectors: " +
                string.Join(", ", selectors.Select(x => x.Id)));
        return id;
    }
}
