using NasPipeline.SearchSpaces.Nb201;
using ScottPlot;

namespace NasPipeline.Reporting.Figures;

/// <summary>
/// One trainer's mixing weight of each operation on each of the six NB201 edges after every epoch, averaged over
/// seeds: the picture of DARTS's drift towards parameter-free operations.
/// </summary>
public static class MixingWeightsFigure
{
    /// <param name="histories">Per seed: [epoch][edge][op] mixing weights at the end of each epoch.</param>
    public static Figure Draw(FigureWriter writer, string trainer, IReadOnlyList<double[][][]> histories)
    {
        var epochs = histories.Min(h => h.Length);
        var plots = new Multiplot();
        plots.AddPlots(Nb201Space.EdgeCount);
        plots.Layout = new ScottPlot.MultiplotLayouts.Grid(2, 3);
        var x = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
        for (var edge = 0; edge < Nb201Space.EdgeCount; edge++)
        {
            var plot = plots.GetPlot(edge);
            var (to, from) = Nb201Space.Edges[edge];
            plot.Title($"edge {to} ← {from}", size: 13);
            for (var op = 0; op < Nb201Space.OperationCount; op++)
            {
                var y = Enumerable.Range(0, epochs).Select(e => histories.Average(h => h[e][edge][op])).ToArray();
                var line = plot.Add.Scatter(x, y, PlotStyle.Colour(op));
                line.LineWidth = 2;
                line.MarkerSize = epochs > 20 ? 0 : 5;
                if (edge == 0) line.LegendText = Nb201Space.Operations[op];
            }
            plot.Axes.Bottom.Label.Text = "epoch";
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.Left.Label.Text = "mixing weight";
        }
        plots.GetPlot(0).ShowLegend(Alignment.UpperLeft);
        var seeds = histories.Count == 1 ? "one seed" : $"the mean of {histories.Count} seeds";
        return writer.Save(plots, $"mixing-{Slug(trainer)}", $"{trainer}: mixing weights per edge over epochs",
            $"{trainer}: the selection weight of each operation on each edge at the end of every epoch ({seeds}).",
            1080, 620);
    }

    /// <summary>A file-name-safe form of an id (ids are letters, digits, '-', '_', '.').</summary>
    public static string Slug(string id) =>
        new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
