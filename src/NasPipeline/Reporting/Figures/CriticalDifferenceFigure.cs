using NasPipeline.Reporting.Statistics;
using ScottPlot;

namespace NasPipeline.Reporting.Figures;

/// <summary>
/// Demšar's critical-difference diagram: the selectors' average ranks on one axis (1 = best, on the left), each
/// selector's name hanging from its rank, the Nemenyi critical difference as a scale bar, and a thick bar under
/// every group of selectors whose ranks are within one CD (not significantly different).
/// </summary>
public static class CriticalDifferenceFigure
{
    public static Figure Draw(FigureWriter writer, FriedmanTest test)
    {
        var plot = new Plot();
        var k = test.Selectors.Count;
        var order = Enumerable.Range(0, k).OrderBy(i => test.AverageRanks[i]).ToList();
        const double axisY = 0, labelGap = 0.55;
        Line(plot, 1, axisY, k, axisY, 1.5f);
        for (var r = 1; r <= k; r++)
        {
            Line(plot, r, axisY, r, axisY + 0.12, 1.5f);
            Label(plot, r.ToString(Format.Invariant), r, axisY + 0.18, Alignment.LowerCenter);
        }
        // Left half of the selectors labelled to the left, the rest to the right, one row each.
        for (var i = 0; i < k; i++)
        {
            var rank = test.AverageRanks[order[i]];
            var left = i < (k + 1) / 2;
            var row = axisY - labelGap * (1 + (left ? i : k - 1 - i));
            var end = left ? 0.6 : k + 0.4;
            Line(plot, rank, axisY, rank, row, 1);
            Line(plot, rank, row, end, row, 1);
            Label(plot, $"{test.Selectors[order[i]]} ({rank.ToString("F2", Format.Invariant)})", end, row,
                left ? Alignment.MiddleRight : Alignment.MiddleLeft);
        }
        var cliques = test.Cliques();
        for (var c = 0; c < cliques.Count; c++)
        {
            var ranks = cliques[c].Select(s => test.AverageRanks[test.Selectors.ToList().IndexOf(s)]).ToList();
            Line(plot, ranks.Min() - 0.03, axisY - 0.2 - 0.16 * c, ranks.Max() + 0.03, axisY - 0.2 - 0.16 * c, 5);
        }
        var cdY = axisY + 0.75;
        Line(plot, 1, cdY, 1 + test.CriticalDifference, cdY, 2);
        Label(plot, $"CD = {test.CriticalDifference.ToString("F2", Format.Invariant)}", 1 + test.CriticalDifference / 2,
            cdY + 0.08, Alignment.LowerCenter);
        var bottom = axisY - labelGap * ((k + 1) / 2 + 1);
        plot.Axes.SetLimits(-2.6, k + 3.6, bottom, cdY + 0.5);
        plot.Layout.Frameless();
        plot.HideGrid();
        var cd = test.CriticalDifference.ToString("F2", Format.Invariant);
        return writer.Save(plot, "critical-difference", "Average rank of each selector (critical-difference diagram)",
            $"Average rank of each selector over {test.Blocks} supernets (trainer × seed; 1 = best). Selectors " +
            $"joined by a thick bar are within the Nemenyi critical difference (CD = {cd}, " +
            "α = 0.05) and not significantly different.", 760, Math.Max(260, 60 * ((k + 1) / 2) + 150));
    }

    static void Line(Plot plot, double x1, double y1, double x2, double y2, float width) =>
        plot.Add.Line(x1, y1, x2, y2).Configure(l =>
        {
            l.LineWidth = width;
            l.LineColor = Colors.Black;
            l.MarkerSize = 0;
        });

    static void Label(Plot plot, string text, double x, double y, Alignment alignment) =>
        plot.Add.Text(text, x, y).Configure(t =>
        {
            t.LabelAlignment = alignment;
            t.LabelFontSize = 13;
        });
}
