using NasPipeline.Reporting.Figures;

namespace NasPipeline.Reporting;

/// <summary>The report's figures, each null or empty when its data is not there (e.g. no grid, one selector).</summary>
public sealed record FiguresView(
    FigureView? Heatmap, FigureView? Validation, FigureView? CriticalDifference, IReadOnlyList<FigureView> Mixing,
    IReadOnlyList<FigureView> Proxies)
{
    public static readonly FiguresView None = new(null, null, null, [], []);
}

/// <summary>
/// A figure as the templates use it: its PNG and SVG paths (relative to the report folder, for Markdown links) and
/// the PNG as a data URI, so report.html stays one self-contained file.
/// </summary>
public sealed record FigureView(
    string Title, string Caption, string Png, string Svg, string DataUri, int Width, int Height)
{
    public static FigureView Of(Figure figure, string reportDirectory)
    {
        var png = File.ReadAllBytes(Path.Combine(reportDirectory, figure.Png));
        return new FigureView(figure.Title, figure.Caption, figure.Png, figure.Svg,
            "data:image/png;base64," + Convert.ToBase64String(png), figure.Width, figure.Height);
    }
}
