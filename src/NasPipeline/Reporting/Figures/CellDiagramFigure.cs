using NasPipeline.SearchSpaces;
using ScottPlot;

namespace NasPipeline.Reporting.Figures;

/// <summary>
/// A selected architecture drawn as its cells' graphs (<see cref="CellDiagram"/>), any space. A one-input cell
/// (NB201) is drawn as before the space seam: nodes 0–3 on a line, each edge an arrow labelled with its operation
/// (one-step edges straight, longer ones arched so no label sits on another); <c>none</c> edges are dashed and
/// grey, since they carry nothing. Cells with several inputs (DARTS) get one panel per cell type, side by side, laid
/// out as DARTS's <c>cnn/visualize.py</c> names them: c_{k-2}, c_{k-1} (green boxes), intermediate nodes 0…3 (blue
/// circles), c_{k} (yellow box), one arrow per kept edge coloured and labelled by its operation and grey arrows for
/// the concatenation into c_{k}.
/// </summary>
public static class CellDiagramFigure
{
    static readonly Dictionary<string, string> Short = new()
    {
        ["none"] = "none", ["skip_connect"] = "skip", ["nor_conv_1x1"] = "conv 1×1", ["nor_conv_3x3"] = "conv 3×3",
        ["avg_pool_3x3"] = "pool 3×3",
    };

    /// <summary>The concatenation into c_{k}: lighter than any operation's colour (Tableau's grey is one).</summary>
    static readonly Color Concat = Color.FromHex("#C0C0C0");

    /// <summary>Labels of the several-input drawing, where average and max pooling both occur.</summary>
    static readonly Dictionary<string, string> ShortDag = new()
    {
        ["none"] = "none", ["skip_connect"] = "skip", ["max_pool_3x3"] = "max pool", ["avg_pool_3x3"] = "avg pool",
        ["sep_conv_3x3"] = "sep 3×3", ["sep_conv_5x5"] = "sep 5×5", ["dil_conv_3x3"] = "dil 3×3",
        ["dil_conv_5x5"] = "dil 5×5",
    };

    /// <summary>The graphs the diagram of <paramref name="genotype"/> draws, one per cell type.</summary>
    public static IReadOnlyList<CellDiagram> Graphs(ISearchSpace space, IGenotype genotype) =>
        space.CellTypes.Select((cellType, i) => CellDiagram.Of(cellType, genotype.Choices[i])).ToList();

    public static Figure Draw(FigureWriter writer, string name, ISearchSpace space, IGenotype genotype)
    {
        var graphs = Graphs(space, genotype);
        var caption = $"{space.Name.ToUpperInvariant()} cell{(graphs.Count > 1 ? "s" : "")} {genotype}";
        if (graphs is [{ IsChain: true } chain])
            return writer.Save(Chain(chain), $"cell-{name}", genotype.ToString()!, caption, 380, 220);
        var plots = new Multiplot();
        plots.AddPlots(graphs.Count);
        plots.Layout = new ScottPlot.MultiplotLayouts.Grid(1, graphs.Count);
        for (var i = 0; i < graphs.Count; i++) Dag(plots.GetPlot(i), graphs[i]);
        return writer.Save(plots, $"cell-{name}", genotype.ToString()!, caption, 540 * graphs.Count, 340);
    }

    static Plot Chain(CellDiagram graph)
    {
        var plot = new Plot();
        foreach (var arrow in graph.Arrows)
        {
            var (to, from, op) = (arrow.To, arrow.From, arrow.Operation!);
            // Arch height by span: 1 straight, 2 above or below (alternating), 3 high above.
            var height = (to - from) switch { 1 => 0.0, 2 => from == 0 ? 0.9 : -0.9, _ => 1.6 };
            var points = Enumerable.Range(0, 25).Select(i => i / 24.0)
                .Select(t => new Coordinates(from + (to - from) * t, height * 4 * t * (1 - t))).ToList();
            var colour = op == "none" ? Colors.Gray : PlotStyle.Colour(arrow.OperationIndex);
            var line = plot.Add.ScatterLine(points, colour);
            line.LineWidth = 2;
            if (op == "none") line.LinePattern = LinePattern.Dashed;
            // The arrowhead on the last stretch, stopping at the node's rim.
            var tip = Before(points[^1], points[^3], 0.15);
            AddArrow(plot, Before(points[^1], points[^3], 0.4), tip, colour, 2);
            var apex = points[12];
            plot.Add.Text(Short.GetValueOrDefault(op, op), apex.X,
                height == 0 ? 0.12 : apex.Y + Math.Sign(height) * 0.08).Configure(t =>
            {
                t.LabelAlignment = height < 0 ? Alignment.UpperCenter : Alignment.LowerCenter;
                t.LabelFontSize = 12;
                t.LabelFontColor = colour;
            });
        }
        foreach (var node in graph.Nodes)
        {
            plot.Add.Marker(node.Id, 0, MarkerShape.FilledCircle, 26, Colors.White);
            plot.Add.Marker(node.Id, 0, MarkerShape.OpenCircle, 26, Colors.Black);
            plot.Add.Text(node.Label, node.Id, 0).Configure(t =>
            {
                t.LabelAlignment = Alignment.MiddleCenter;
                t.LabelFontSize = 13;
                t.LabelBold = true;
            });
        }
        plot.Axes.SetLimits(-0.3, graph.Nodes.Count - 0.7, -1.25, 1.95);
        plot.Layout.Frameless();
        plot.HideGrid();
        return plot;
    }

    /// <summary>
    /// The nodes on the upper half of an ellipse in number order, inputs on the left and c_{k} on the right: every
    /// arrow is a straight chord, and a chord between points of a convex curve passes through no other node.
    /// </summary>
    static void Dag(Plot plot, CellDiagram graph)
    {
        const double rx = 3.2, ry = 2.6;
        var n = graph.Nodes.Count;
        var at = graph.Nodes.ToDictionary(node => node.Id, node =>
        {
            var angle = Math.PI * (1 - (double)graph.Nodes.ToList().IndexOf(node) / (n - 1));
            return new Coordinates(rx * Math.Cos(angle), ry * Math.Sin(angle));
        });
        var roles = graph.Nodes.ToDictionary(node => node.Id, node => node.Role);
        double Rim(int id) => roles[id] == CellNodeRole.Intermediate ? 0.24 : 0.42;
        // The concatenation thin, dashed and light, as a line with its head on the last stretch (the chain's way).
        foreach (var arrow in graph.Arrows.Where(a => a.IsConcat))
        {
            var (from, to) = (Before(at[arrow.From], at[arrow.To], Rim(arrow.From)),
                Before(at[arrow.To], at[arrow.From], Rim(arrow.To)));
            var line = plot.Add.Line(from, to);
            line.LineColor = Concat;
            line.LineWidth = 1.5f;
            line.LinePattern = LinePattern.Dashed;
            line.MarkerSize = 0;
            AddArrow(plot, Before(to, from, 0.2), to, Concat, 1.5f);
        }
        var labels = new List<(string Text, Coordinates From, Coordinates To, Color Colour)>();
        foreach (var arrow in graph.Operations)
        {
            var op = arrow.Operation!;
            var colour = op == "none" ? Colors.Gray : PlotStyle.Colour(arrow.OperationIndex);
            var (from, to) = (at[arrow.From], at[arrow.To]);
            AddArrow(plot, Before(from, to, Rim(arrow.From)), Before(to, from, Rim(arrow.To)), colour, 2);
            labels.Add((ShortDag.GetValueOrDefault(op, op), from, to, colour));
        }
        // Labels after every arrow, so none is crossed out by a later one, each at the first point along its arrow
        // where it covers no node and no label placed before it.
        var taken = graph.Nodes.Select(node => Box(at[node.Id], node.Label.Length + 2)).ToList();
        foreach (var (text, from, to, colour) in labels)
        {
            var candidates = Stops
                .Select(t => new Coordinates(from.X + (to.X - from.X) * t, from.Y + (to.Y - from.Y) * t)).ToList();
            var point = candidates.FirstOrDefault(c => !taken.Any(b => b.Overlaps(Box(c, text.Length))),
                candidates[0]);
            taken.Add(Box(point, text.Length));
            plot.Add.Text(text, point.X, point.Y).Configure(t =>
            {
                t.LabelAlignment = Alignment.MiddleCenter;
                t.LabelFontSize = 11;
                t.LabelFontColor = colour;
                t.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            });
        }
        foreach (var node in graph.Nodes)
        {
            var (x, y) = (at[node.Id].X, at[node.Id].Y);
            if (node.Role == CellNodeRole.Intermediate)
            {
                plot.Add.Marker(x, y, MarkerShape.FilledCircle, 26, Color.FromHex("#ADD8E6"));
                plot.Add.Marker(x, y, MarkerShape.OpenCircle, 26, Colors.Black);
            }
            plot.Add.Text(node.Label, x, y).Configure(t =>
            {
                t.LabelAlignment = Alignment.MiddleCenter;
                t.LabelFontSize = 13;
                t.LabelBold = true;
                if (node.Role == CellNodeRole.Intermediate) return;
                t.LabelBackgroundColor = Color.FromHex(node.Role == CellNodeRole.Input ? "#B4EEB4" : "#EEE8AA");
                t.LabelBorderColor = Colors.Black;
                t.LabelBorderWidth = 1;
                t.LabelPadding = 4;
            });
        }
        // A frameless plot has no room for a title: the cell type goes in the empty top left corner.
        plot.Add.Text($"{graph.CellType} cell", -rx - 0.5, ry + 0.3).Configure(t =>
        {
            t.LabelAlignment = Alignment.UpperLeft;
            t.LabelFontSize = 14;
            t.LabelBold = true;
        });
        plot.Axes.SetLimits(-rx - 0.6, rx + 0.6, -0.45, ry + 0.35);
        plot.Layout.Frameless();
        plot.HideGrid();
    }

    /// <summary>Where along an arrow its label may sit, in order of preference.</summary>
    static readonly double[] Stops = [0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75];

    /// <summary>
    /// The box a label of <paramref name="characters"/> centred on <paramref name="at"/> covers, in data units of a
    /// <see cref="Dag"/> panel (about 70 px per x unit, 100 per y unit; 11-point text about 6.5 px a character).
    /// </summary>
    static Area Box(Coordinates at, int characters)
    {
        var (halfWidth, halfHeight) = (characters * 6.5 / 70 / 2, 16.0 / 100 / 2);
        return new Area(at.X - halfWidth, at.X + halfWidth, at.Y - halfHeight, at.Y + halfHeight);
    }

    readonly record struct Area(double Left, double Right, double Bottom, double Top)
    {
        public bool Overlaps(Area other) =>
            Left < other.Right && other.Left < Right && Bottom < other.Top && other.Bottom < Top;
    }

    static ScottPlot.Plottables.Arrow AddArrow(Plot plot, Coordinates from, Coordinates tip, Color colour,
        float width)
    {
        var arrow = plot.Add.Arrow(from, tip);
        arrow.ArrowFillColor = colour;
        arrow.ArrowLineColor = colour;
        arrow.ArrowheadLength = 10;
        arrow.ArrowheadWidth = 9;
        arrow.ArrowWidth = width;
        return arrow;
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
