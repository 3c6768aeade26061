using NasPipeline.Reporting.Figures;
using NasPipeline.Reporting.Statistics;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Tests.SearchSpaces.Darts;

namespace NasPipeline.Tests.Reporting.Figures;

/// <summary>
/// Every figure kind is written as a decodable PNG of the stated size and an SVG with text in it (ScottPlot draws
/// no text at all when it finds no font, which these catch).
/// </summary>
public sealed class FigureTests
{
    TempDirectory _dir = null!;
    FigureWriter _writer = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _writer = new FigureWriter(_dir.Path);
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    void AssertWritten(Figure figure, params string[] texts)
    {
        var png = File.ReadAllBytes(Path.Combine(_dir.Path, figure.Png));
        Assert.That(png[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            "PNG signature");
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        Assert.That((width, height), Is.EqualTo((figure.Width, figure.Height)));
        var svg = File.ReadAllText(Path.Combine(_dir.Path, figure.Svg));
        Assert.That(svg, Does.StartWith("<?xml").And.Contain("<svg"));
        foreach (var text in texts) Assert.That(svg, Does.Contain(text), $"{figure.Svg} shows \"{text}\"");
        if (Environment.GetEnvironmentVariable("NAS_KEEP_FIGURES") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(Path.Combine(_dir.Path, figure.Png), Path.Combine(keep, Path.GetFileName(figure.Png)), true);
        }
    }

    [Test]
    public void Heatmap_LabelsEveryCell_AndBlankForNa()
    {
        var figure = HeatmapFigure.Draw(_writer, ["darts", "oneshot"], ["magnitude", "pt"],
            (t, s) => t == 1 && s == 0 ? null : 80 + t + s, "retrain test accuracy (%)", 2);
        AssertWritten(figure, "magnitude", "oneshot", "n/a", "81.00");
    }

    [Test]
    public void MixingWeights_SixEdgePanels()
    {
        double[][][] History(double drift) => Enumerable.Range(0, 4).Select(e => Enumerable.Range(0, 6)
            .Select(_ => new[]
                { 0.2 - e * drift, 0.2 + 4 * e * drift, 0.2 - e * drift, 0.2 - e * drift, 0.2 - e * drift })
            .ToArray()).ToArray();
        var figure = MixingWeightsFigure.Draw(_writer, "darts", Nb201SearchSpace.Cell, [History(0.01), History(0.02)]);
        AssertWritten(figure, "edge 3 ← 2", "skip_connect");
        Assert.That(figure.Png, Is.EqualTo("figures/mixing-darts.png"));
    }

    [Test]
    public void ValidationAccuracy_OneLinePerTrainer()
    {
        var figure = ValidationAccuracyFigure.Draw(_writer,
            [("darts", [[40.0, 50, 55], [42.0, 51, 57]]), ("gdas", [[30.0, 45, 50], [31.0, 44, 52]])])!;
        AssertWritten(figure, "darts", "gdas", "epoch");
    }

    [Test]
    public void ValidationAccuracy_NeverMeasured_NoFigure() =>
        Assert.That(ValidationAccuracyFigure.Draw(_writer, [("darts", [[double.NaN, double.NaN]])]), Is.Null);

    [Test]
    public void CriticalDifference_NamesEverySelectorAndTheCd()
    {
        var test = FriedmanTest.Run(["magnitude", "pt", "random", "zc-pt"],
            [[80.0, 82, 70, 75], [81.0, 83, 71, 74], [79.0, 84, 72, 76], [78.0, 85, 69, 77]])!;
        var figure = CriticalDifferenceFigure.Draw(_writer, test);
        AssertWritten(figure, "magnitude (2.00)", "pt (1.00)", "CD = ");
    }

    [Test]
    public void ProxyScatter_LogScaleForScoresSpanningDecades()
    {
        var points = Enumerable.Range(1, 50).Select(i => (Math.Pow(10, i), 50.0 + i / 2.0)).ToList();
        points.Add((double.NaN, 60));
        var figure = ProxyScatterFigure.Draw(_writer, "synflow", points, "ρ = 0.76");
        AssertWritten(figure, "log10 synflow score", "ρ = 0.76");
        Assert.That(figure.Caption, Does.Contain("1 non-finite"));
    }

    [Test]
    public void CellDiagram_LabelsEveryEdgesOperation()
    {
        var cell = Genotype.Parse(
            "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|");
        var figure = CellDiagramFigure.Draw(_writer, "a1", Nb201SearchSpace.Instance, cell);
        AssertWritten(figure, "conv 3×3", "none", "skip", "pool 3×3", "conv 1×1");
    }

    [Test]
    public void MixingWeights_DartsCell_FourteenEdgePanelsAndEveryOperationInTheLegend()
    {
        var history = Enumerable.Range(0, 3).Select(e => Enumerable.Range(0, 14)
            .Select(_ => Enumerable.Range(0, 8).Select(op => op == 3 ? 0.3 + 0.1 * e : (0.7 - 0.1 * e) / 7).ToArray())
            .ToArray()).ToArray();
        var figure = MixingWeightsFigure.Draw(_writer, "darts", DartsSearchSpace.Cells[1], [history], named: true);
        AssertWritten(figure, "edge 2 ← 0", "edge 5 ← 4", "max_pool_3x3", "dil_conv_5x5", "reduce");
        Assert.That(figure.Png, Is.EqualTo("figures/mixing-darts-reduce.png"));
        Assert.That(figure.Title, Does.Contain("reduce-cell"));
    }

    [Test]
    public void CellDiagram_Darts_BothCellsWithDartsNodeNames()
    {
        var figure = CellDiagramFigure.Draw(_writer, "d1", DartsSearchSpace.Instance,
            DartsGenotype.Parse(PublishedGenotypes.DartsV2));
        AssertWritten(figure, "normal cell", "reduce cell", "c_{k-2}", "c_{k-1}", "c_{k}", "sep 3×3", "dil 3×3",
            "max pool", "skip");
        Assert.That(figure.Caption, Does.StartWith("DARTS cells Genotype(normal="));
    }
}
