using NasPipeline.Stages;
using NasPipeline.Artifacts;
using NasPipeline.Manifest;
using NasPipeline.Reporting;
using NasPipeline.Reporting.Templates;
using static NasPipeline.Tests.Reporting.ReportFixture;

namespace NasPipeline.Tests.Reporting;

public sealed class ReportBuilderTests
{
    const string Grid = """
        [experiment]
        name = "r"
        seeds = [0, 1, 2]
        [[trainers]]
        id = "darts"
        method = "darts"
        [[selectors]]
        id = "a"
        method = "magnitude"
        [[selectors]]
        id = "b"
        method = "magnitude"
        exclude_none = true

        """;

    static readonly ExperimentManifest Manifest = StudyManifest.Parse(Grid, "r.toml");

    [Test]
    public void Build_SummarisesPairsWithMeanStdAndStudentTInterval()
    {
        using var fixture = new ReportFixture();
        var model = fixture.Build(Manifest, [Run("darts", "a", 0, 80), Run("darts", "a", 1, 82),
            Run("darts", "a", 2, 84, OtherCell), Run("darts", "b", 0, 70)]);
        var a = model.Summary.Single(s => s.Selector == "a");
        Assert.That((a.Runs, a.Accuracy, a.Best, a.Worst, a.DistinctArchitectures),
            Is.EqualTo((3, "82.00 ± 2.00", "84.00", "80.00", 2)));
        // t(0.975, 2) = 4.302653: half-width 4.302653 · 2 / √3 = 4.97
        Assert.That(a.Interval, Is.EqualTo("[77.03, 86.97]"));
        var cells = model.Matrix.Single().Cells;
        Assert.That(cells.Select(c => c.Text), Is.EqualTo(new[] { "82.00 ± 4.97", "70.00" }), "one seed: no interval");
        Assert.That(cells.Select(c => c.Best), Is.EqualTo(new[] { true, false }));
        Assert.That(model.Architectures.Select(x => x.Name), Is.EqualTo(new[] { "cell-01", "cell-02" }));
        Assert.That(model.Figures.Heatmap, Is.Not.Null);
        Assert.That(File.Exists(Path.Combine(fixture.Directory, "figures", "cell-01.svg")));
    }

    [Test]
    public void Render_AllThreeTemplates_WithTheModel()
    {
        using var fixture = new ReportFixture();
        var model = fixture.Build(Manifest, [Run("darts", "a", 0, 80)],
            versions: new Dictionary<string, string> { ["NasPipeline"] = "1" });
        var md = TemplateRenderer.Render(Template("report.sbn-md"), model);
        var html = TemplateRenderer.Render(Template("report.sbn-html"), model);
        var tex = TemplateRenderer.Render(Template("report.sbn-tex"), model);
        Assert.That(md, Does.Contain("| darts | **80.00** | – |").And.Contain("`\\|nor_conv_3x3~0\\|+"));
        Assert.That(md, Does.Contain("![cell-01](figures/cell-01.png)"));
        Assert.That(html, Does.Contain("<td class=\"best\">80.00</td>").And.Contain("NasPipeline 1"));
        Assert.That(html, Does.Contain("src=\"data:image/png;base64,"));
        Assert.That(tex, Does.Contain(@"darts & \textbf{80.00} & -- \\").And.Contain(@"\toprule"));
    }

    [Test]
    public void Build_BenchmarkOnly_SummarisesBenchmarkNumbersAndLeavesRetrainEmpty()
    {
        using var fixture = new ReportFixture();
        var manifest = StudyManifest.Parse(
            Grid + "[benchmark]\ntable = \"t.csv\"\n[evaluation]\nevaluators = [\"nb201\"]\n", "r.toml");
        EvaluationArtifact Looked(int seed, double test, int rank) =>
            new("darts", "darts", "a", "magnitude", seed, Cell, null, null,
                new NasPipeline.Benchmarks.BenchmarkResult(test - 3, test, test - 20, test - 50, rank, 15625,
                    100.0 * (15625 - rank + 1) / 15625, 94.37 - test),
                1, 0, 0, []);
        var model = fixture.Build(manifest, [Looked(0, 93.0, 100), Looked(1, 91.0, 300)]);
        var a = model.Summary.Single();
        Assert.That((a.Accuracy, a.BenchmarkTest, a.Regret, a.Rank),
            Is.EqualTo(("–", "92.00 ± 1.41", "2.37 ± 1.41", "200.00 ± 141.42")));
        Assert.That(model.Matrix.Single().Cells.Select(c => c.Text), Is.EqualTo(new[] { "92.00 ± 12.71", "–" }),
            "b has no runs");
        Assert.That(model.BenchmarkMatrix, Is.Empty, "the main table already is the benchmark's");
        Assert.That((model.HasRetrain, model.HasBenchmark), Is.EqualTo((false, true)));
        Assert.That(model.Metric, Does.Contain("NAS-Bench-201"));
    }

    /// <summary>
    /// The benchmark note states the table's own size and best accuracy (a subset table gives its own).
    /// </summary>
    [TestCase(15625, 94.37, "15,625", "94.37")]
    [TestCase(12, 91.5, "12", "91.50")]
    public void Render_BenchmarkNote_TakesSizeAndBestFromTheTable(
        int size, double best, string sizeText, string bestText)
    {
        using var fixture = new ReportFixture();
        var manifest = StudyManifest.Parse(
            Grid + "[benchmark]\ntable = \"t.csv\"\n[evaluation]\nevaluators = [\"nb201\"]\n", "r.toml");
        var model = fixture.Build(manifest, [], benchmark: (size, best));
        foreach (var template in new[] { "report.sbn-md", "report.sbn-html" })
            Assert.That(TemplateRenderer.Render(Template(template), model),
                Does.Contain($"among all {sizeText} architectures").And.Contain($"test accuracy ({bestText}) minus"),
                template);
    }
}
