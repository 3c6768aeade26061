using NasPipeline.SearchSpaces.Nb201;
using ScottPlot;

namespace NasPipeline.Reporting.Figures;

/// <summary>
/// A selected NB201 cell drawn as its graph: nodes 0–3 on a line, each of the six edges an arrow labelled with its
/// operation (one-step edges straight, longer ones arched so no label sits on another); <c>none</c> edges are
/// dashed and grey, since they carry nothing.
/// </summary>
public static class CellDiagramFigure
{
    static readonly Dictionary<string, string> Short = new()
    {
        ["none"] = "none", ["skip_connect"] = "skip", ["nor_conv_1x1"] = "conv 1×1", ["nor_conv_3x3"] = "conv 3×3",
        ["avg_pool_3x3"] = "pool 3×3",
    };

    public static Figure Draw(FigureWriter writer, string name, Genotype cell)
    {
        var plot = new Plot();
        for (var edge = 0; edge < Nb201Space.EdgeCount; edge++)
        {
            var (to, from) = Nb201Space.Edges[edge];
            var op = cell[edge];
            // Arch height by span: 1 straight, 2 above or below (alternating), 3 high above.
            var height = (to - from) switch { 1 => 0.0, 2 => from == 0 ? 0.9 : -0.9, _ => 1.6 };
            var points = Enumerable.Range(0, 25).Select(i => i / 24.0)
                .Select(t => new Coordinates(from + (to - from) * t, height * 4 * t * (1 - t))).ToList();
            var colour = op == "none" ? Colors.Gray : PlotStyle.Colour(Nb201Space.OperationIndex(op));
            var line = plot.Add.ScatterLine(points, colour);
            line.LineWidth = 2;
            if (op == "none") line.LinePattern = LinePattern.Dashed;
            // The arrowhead on the last stretch, stopping at the node's rim.
            var tip = Before(points[^1], points[^3], 0.15);
            var arrow = plot.Add.Arrow(Before(points[^1], points[^3], 0.4), tip);
            arrow.ArrowFillColor = colour;
            arrow.ArrowLineColor = colour;
            arrow.ArrowheadLength = 10;
            arrow.ArrowheadWidth = 9;
            arrow.ArrowWidth = 2;
            var apex = points[12];
            plot.Add.Text(Short[op], apex.X, height == 0 ? 0.12 : apex.Y + Math.Sign(height) * 0.08).Configure(t =>
            {
                t.LabelAlignment = height < 0 ? Alignment.UpperCenter : Alignment.LowerCenter;
                t.LabelFontSize = 12;
                t.LabelFontColor = colour;
            });
        }
        for (var node = 0; node < Nb201Space.Nodes; node++)
        {
            plot.Add.Marker(node, 0, MarkerShape.FilledCircle, 26, Colors.White);
            plot.Add.Marker(node, 0, MarkerShape.OpenCircle, 26, Colors.Black);
            plot.Add.Text(node.ToString(Format.Invariant), node, 0).Configure(t =>
            {
                t.LabelAlignment = Alignment.MiddleCenter;
                t.LabelFontSize = 13;
                t.LabelBold = true;
            });
        }
        plot.Axes.SetLimits(-0.3, 3.3, -1.25, 1.95);
        plot.Layout.Frameless();
        plot.HideGrid();
        return writer.Save(plot, $"cell-{name}", cell.ToString(), $"NB201 cell {cell}", 380, 220);
    }

    /// <summary>
    /// The point <paramref name="distance"/> before <paramref name="end"/>, coming from <paramref name="from"/>.
    /// </summary>
    static Coordinates Before(Coordinates end, Coordinates from, double distance)
    {
        var (dx, dy) = (end.X - from.X, end.Y - from.Y);
        var length = Math.Sqrt(dx * dx + dy * dy);
        return new Coordinates(end.X - dx / length * distance, end.Y - dy / length * distance);
    }
}
