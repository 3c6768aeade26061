using ScottPlot;

namespace NasPipeline.Reporting.Figures;

/// <summary>
/// Supernet validation accuracy after each epoch, one line per trainer (mean over seeds, seeds faint).
/// </summary>
public static class ValidationAccuracyFigure
{
    /// <param name="writer">Where the figure goes.</param>
    /// <param name="curves">Per trainer, per seed: validation accuracy (%) after each epoch (NaN: not measured).
    /// </param>
    public static Figure? Draw(
        FigureWriter writer, IReadOnlyList<(string Trainer, IReadOnlyList<double[]> Seeds)> curves)
    {
        if (curves.All(c => c.Seeds.All(s => s.All(double.IsNaN)))) return null;
        var plot = new Plot();
        for (var t = 0; t < curves.Count; t++)
        {
            var (trainer, seeds) = curves[t];
            var epochs = seeds.Min(s => s.Length);
            var x = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
            if (seeds.Count > 1)
                foreach (var seed in seeds)
                    plot.Add.Scatter(x, seed[..epochs], PlotStyle.Colour(t).WithAlpha(0.3))
                        .Configure(s => s.MarkerSize = 0);
            var mean = Enumerable.Range(0, epochs).Select(e => seeds.Average(s => s[e])).ToArray();
            var line = plot.Add.Scatter(x, mean, PlotStyle.Colour(t));
            line.LineWidth = 2;
            line.LegendText = trainer;
        }
        plot.Axes.Bottom.Label.Text = "epoch";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.Label.Text = "supernet validation accuracy (%)";
        plot.ShowLegend(Alignment.LowerRight);
        return writer.Save(plot, "supernet-validation", "Supernet validation accuracy per epoch",
            "Each trainer's supernet on held-out α-half images after every epoch, under the trainer's own semantics; " +
            "thick lines are the mean over seeds, faint lines single seeds.", 720, 420);
    }
}
