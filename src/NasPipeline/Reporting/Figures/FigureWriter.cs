using ScottPlot;
using SkiaSharp;

namespace NasPipeline.Reporting.Figures;

/// <summary>
/// Saves ScottPlot plots as PNG and SVG under <c>figures/</c> of a report folder, in one shared style.
/// </summary>
public sealed class FigureWriter
{
    readonly string _root;

    public FigureWriter(string reportDirectory)
    {
        _root = reportDirectory;
        Directory.CreateDirectory(Path.Combine(reportDirectory, Figure.Folder));
        PlotStyle.Apply();
    }

    public Figure Save(Plot plot, string name, string title, string caption, int width, int height)
    {
        var figure = Describe(name, title, caption, width, height);
        plot.SavePng(Path.Combine(_root, figure.Png), width, height);
        plot.SaveSvg(Path.Combine(_root, figure.Svg), width, height);
        return figure;
    }

    /// <summary>
    /// A grid of panels; ScottPlot saves multiplots only as PNG, so the SVG is drawn on Skia's SVG canvas.
    /// </summary>
    public Figure Save(Multiplot plots, string name, string title, string caption, int width, int height)
    {
        var figure = Describe(name, title, caption, width, height);
        plots.SavePng(Path.Combine(_root, figure.Png), width, height);
        using (var stream = File.Create(Path.Combine(_root, figure.Svg)))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
            plots.Render(canvas, new PixelRect(0, width, height, 0));
        return figure;
    }

    static Figure Describe(string name, string title, string caption, int width, int height) => new(
        name, title, caption, $"{Figure.Folder}/{name}.png", $"{Figure.Folder}/{name}.svg", width, height);
}
