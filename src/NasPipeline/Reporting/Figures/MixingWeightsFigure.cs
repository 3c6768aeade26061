using NasPipeline.SearchSpaces;
using ScottPlot;

namespace NasPipeline.Reporting.Figures;

/// <summary>
/// One trainer's mixing weight of each operation on each edge of one cell type after every epoch, averaged over
/// seeds: the picture of DARTS's drift towards parameter-free operations. Up to six edges (NB201) sit in a 2 × 3
/// grid with the legend on the first panel; more (DARTS's 14) get one row per intermediate node, its input edges
/// side by side ("3 ← 1": node 3 reads node 1, the space's node numbers), and the legend in a panel of its own.
/// </summary>
public static class MixingWeightsFigure
{
    /// <param name="writer">Where the figure goes.</param>
    /// <param name="trainer">The trainer's id.</param>
    /// <param name="cellType">The cell type whose edges the histories hold.</param>
    /// <param name="histories">Per seed: [epoch][edge][op] mixing weights at the end of each epoch.</param>
    /// <param name="named">Name the cell type in the figure (spaces with several): file mixing-trainer-type.</param>
    public static Figure Draw(FigureWriter writer, string trainer, CellType cellType,
        IReadOnlyList<double[][][]> histories, bool named = false)
    {
        var epochs = histories.Min(h => h.Length);
        var edges = cellType.Edges;
        var plots = new Multiplot();
        plots.AddPlots(edges.Count);
        var compact = edges.Count <= 6;
        var (rows, columns) = compact ? (2, 3) : Place(edges, plots);
        var x = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
        for (var edge = 0; edge < edges.Count; edge++)
        {
            var plot = plots.GetPlot(edge);
            var (to, from) = (edges[edge].To, edges[edge].From);
            plot.Title($"edge {to} ← {from}", size: compact ? 13 : 12);
            for (var op = 0; op < cellType.OperationCount; op++)
            {
                var y = Enumerable.Range(0, epochs).Select(e => histories.Average(h => h[e][edge][op])).ToArray();
                var line = plot.Add.Scatter(x, y, PlotStyle.Colour(op));
                line.LineWidth = 2;
                line.MarkerSize = epochs > 20 ? 0 : 5;
                if (edge == 0 && compact) line.LegendText = edges[0].Operations[op];
            }
            plot.Axes.Bottom.Label.Text = "epoch";
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.Left.Label.Text = "mixing weight";
            if (compact) continue;
            // Small panels: smaller axis labels, the weight's only on the first panel of a row.
            plot.Axes.Bottom.Label.FontSize = 12;
            plot.Axes.Left.Label.FontSize = 12;
            if (edges.Take(edge).Any(e => e.To == edges[edge].To)) plot.Axes.Left.Label.Text = "";
        }
        if (compact)
        {
            plots.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
            plots.GetPlot(0).ShowLegend(Alignment.UpperLeft);
        }
        else Legend(plots.GetPlot(edges.Count), cellType, named);
        var seeds = histories.Count == 1 ? "one seed" : $"the mean of {histories.Count} seeds";
        var cell = named ? $"{cellType.Name} cell, " : "";
        var of = named ? $"{cellType.Name}-cell " : "";
        return writer.Save(plots, named ? $"mixing-{Slug(trainer)}-{Slug(cellType.Name)}" : $"mixing-{Slug(trainer)}",
            $"{trainer}: {of}mixing weights per edge over epochs",
            $"{trainer}: the selection weight of each operation on each {of}edge at the end of every epoch " +
            $"({cell}{seeds}).", compact ? 1080 : 216 * columns, compact ? 620 : 190 * rows);
    }

    /// <summary>
    /// One row per fed node, its edges left to right, and the legend in the last cell of the first row with room
    /// (DARTS: the first row, which holds node 2's two edges), or in a row of its own; returns the grid's size.
    /// </summary>
    static (int Rows, int Columns) Place(IReadOnlyList<CellEdge> edges, Multiplot plots)
    {
        var nodes = edges.Select(e => e.To).Distinct().ToList();
        var columns = nodes.Max(n => edges.Count(e => e.To == n));
        var free = nodes.FindIndex(n => edges.Count(e => e.To == n) < columns);
        var rows = free < 0 ? nodes.Count + 1 : nodes.Count;
        var layout = new ScottPlot.MultiplotLayouts.CustomGrid();
        for (var edge = 0; edge < edges.Count; edge++)
        {
            var row = nodes.IndexOf(edges[edge].To);
            var column = edges.Take(edge).Count(e => e.To == edges[edge].To);
            layout.Set(plots.GetPlot(edge), new GridCell(row, column, rows, columns));
        }
        var legend = plots.AddPlot();
        layout.Set(legend, new GridCell(free < 0 ? nodes.Count : free, columns - 1, rows, columns));
        plots.Layout = layout;
        return (rows, columns);
    }

    /// <summary>
    /// The operations' colours, on the panel <see cref="Place"/> keeps for them, under the cell type's name when
    /// <paramref name="named"/> (the SVG stands alone in a paper).
    /// </summary>
    static void Legend(Plot legend, CellType cellType, bool named)
    {
        if (named)
            legend.Add.Text($"{cellType.Name} cell", 0.5, 0.96).Configure(t =>
            {
                t.LabelAlignment = Alignment.UpperCenter;
                t.LabelFontSize = 15;
                t.LabelBold = true;
            });
        legend.Axes.SetLimits(0, 1, 0, 1);
        for (var op = 0; op < cellType.OperationCount; op++)
            legend.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = cellType.Edges[0].Operations[op], LineColor = PlotStyle.Colour(op), LineWidth = 2,
            });
        legend.Legend.Alignment = named ? Alignment.LowerCenter : Alignment.MiddleCenter;
        legend.ShowLegend();
        legend.Layout.Frameless();
        legend.HideGrid();
        legend.Axes.Frameless();
    }

    /// <summary>A file-name-safe form of an id (ids are letters, digits, '-', '_', '.').</summary>
    public static string Slug(string id) =>
        new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
