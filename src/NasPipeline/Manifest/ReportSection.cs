namespace NasPipeline.Manifest;

/// <summary>[report]: where the report goes and how it reads.</summary>
public sealed record ReportSection(string Title, string OutputDirectory, int Decimals)
{
    public static ReportSection Read(TomlSection s, string experimentName)
    {
        var section = new ReportSection(
            s.String("title", $"NasPipeline study: {experimentName}"), s.String("output", "reports/out"), s.Int("decimals", 2, min: 0, max: 6));
        s.RejectUnknownKeys();
        return section;
    }
}
