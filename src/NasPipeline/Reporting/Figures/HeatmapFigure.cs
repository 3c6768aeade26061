using ScottPlot;

namespace NasPipeline.Reporting.Figures;

/// <summary>
/// Trainer × selector mean accuracy as a heatmap, each cell labelled; n/a and missing pairs stay blank.
/// </summary>
public static class HeatmapFigure
{
    public static Figure Draw(FigureWriter writer, IReadOnlyList<string> trainers, IReadOnlyList<string> selectors,
        Func<int, int, double?> mean, string metric, int decimals)
    {
        var plot = new Plot();
        var values = new double[trainers.Count, selectors.Count];
        for (var t = 0; t < trainers.Count; t++)
            for (var s = 0; s < selectors.Count; s++)
                values[t, s] = mean(t, s) ?? double.NaN;
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap).Label = metric;
        // Labels after the heatmap, so they are drawn on top of it. Row 0 is drawn at the top: cell (t, s) is
        // centred on (s, rows − 1 − t).
        for (var t = 0; t < trainers.Count; t++)
            for (var s = 0; s < selectors.Count; s++)
                plot.Add.Text(
                    double.IsNaN(values[t, s]) ? "n/a" : values[t, s].ToString("F" + decimals, Format.Invariant),
                    s, trainers.Count - 1 - t).Configure(text =>
                {
                    text.LabelAlignment = Alignment.MiddleCenter;
                    text.LabelFontSize = 13;
                    text.LabelBackgroundColor = Colors.White.WithAlpha(0.75);
                });
        plot.Axes.Bottom.SetTicks(selectors.Select((_, i) => (double)i).ToArray(), selectors.ToArray());
        plot.Axes.Left.SetTicks(trainers.Select((_, i) => (double)(trainers.Count - 1 - i)).ToArray(),
            trainers.ToArray());
        plot.Axes.Bottom.Label.Text = "selector";
        plot.Axes.Left.Label.Text = "trainer";
        plot.Grid.IsVisible = false;
        var width = Math.Max(520, 110 * selectors.Count + 220);
        var height = Math.Max(260, 70 * trainers.Count + 120);
        return writer.Save(plot, "heatmap", $"Trainer × selector: mean {metric}",
            $"Mean {metric} over seeds per trainer (row) and selector (column); blank cells are not applicable.",
            width, height);
    }
}
