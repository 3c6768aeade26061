using ScottPlot;

namespace NasPipeline.Reporting.Figures;

/// <summary>
/// One proxy's score against the benchmark's CIFAR-10 test accuracy over the sampled architectures. Proxies such
/// as synflow span tens of orders of magnitude, so positive scores spanning more than three are shown as log10.
/// </summary>
public static class ProxyScatterFigure
{
    public static Figure Draw(FigureWriter writer, string proxy, IReadOnlyList<(double Score, double Accuracy)> points,
        string correlation)
    {
        var finite = points.Where(p => double.IsFinite(p.Score)).ToList();
        var log = finite.Count > 0 && finite.All(p => p.Score > 0)
            && finite.Max(p => p.Score) / finite.Min(p => p.Score) > 1e3;
        var x = finite.Select(p => log ? Math.Log10(p.Score) : p.Score).ToArray();
        var plot = new Plot();
        var dots = plot.Add.ScatterPoints(x, finite.Select(p => p.Accuracy).ToArray(),
            PlotStyle.Colour(0).WithAlpha(0.5));
        dots.MarkerSize = 4;
        plot.Title($"{proxy}: {correlation}", size: 14);
        plot.Axes.Bottom.Label.Text = log ? $"log10 {proxy} score" : $"{proxy} score";
        plot.Axes.Left.Label.Text = "NAS-Bench-201 CIFAR-10 test accuracy (%)";
        var left = points.Count - finite.Count;
        return writer.Save(plot, $"proxy-{MixingWeightsFigure.Slug(proxy)}", $"{proxy} versus NAS-Bench-201",
            $"{proxy} score of each sampled architecture against the benchmark's CIFAR-10 test accuracy" +
            (left > 0 ? $" ({left} non-finite scores left out)." : "."), 520, 400);
    }
}
