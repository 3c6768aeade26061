namespace NasPipeline.Reporting.Figures;

/// <summary>
/// One figure of the report, saved as PNG (for the HTML page and Markdown viewers) and SVG (for papers) under
/// <c>figures/</c>; paths are relative to the report folder.
/// </summary>
public sealed record Figure(string Name, string Title, string Caption, string Png, string Svg, int Width, int Height)
{
    public const string Folder = "figures";

    /// <summary>Both files of the figure, relative to the report folder.</summary>
    public IEnumerable<string> Files => [Png, Svg];
}
