using NasPipeline.Artifacts;
using NasPipeline.Manifest;
using NasPipeline.Reporting;
using NasPipeline.Reporting.Templates;

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

    static readonly ExperimentManifest Manifest = ExperimentManifest.Parse(Grid, "r.toml");

    static EvaluationArtifact Run(string selector, int seed, double accuracy, string genotype = "g") =>
        new("darts", "darts", selector, "magnitude", seed, genotype, accuracy, 1000, null, 1, 0, 2, []);

    [Test]
    public void Build_SummarisesPairsWithMeanAndSampleStd()
    {
        var model = ReportBuilder.Build(Manifest, [Run("a", 0, 80), Run("a", 1, 82), Run("a", 2, 84, "h"), Run("b", 0, 70)], [],
            [], null, new Dictionary<string, string>(), DateTime.UnixEpoch);
        var a = model.Summary.Single(s => s.Selector == "a");
        Assert.That((a.Runs, a.Accuracy, a.Best, a.Worst, a.DistinctArchitectures), Is.EqualTo((3, "82.00 ± 2.00", "84.00", "80.00", 2)));
        Assert.That(model.Matrix.Single().Cells, Is.EqualTo(new[] { "82.00 ± 2.00", "70.00 ± 0.00" }));
        Assert.That(model.Chart.Bars, Has.Count.EqualTo(2));
        Assert.That(model.Chart.Bars[0].WhiskerFrom, Is.LessThan(model.Chart.Bars[0].Width));
    }

    [Test]
    public void Render_BothTemplates_WithTheModel()
    {
        var model = ReportBuilder.Build(Manifest, [Run("a", 0, 80, "|x~0|")], [], [], null, new Dictionary<string, string> { ["NasPipeline"] = "1" }, DateTime.UnixEpoch);
        var md = TemplateRenderer.Render(Path.Combine(RepoPaths.Templates, "report.md.liquid"), model);
        var html = TemplateRenderer.Render(Path.Combine(RepoPaths.Templates, "report.html.liquid"), model);
        Assert.That(md, Does.Contain("| darts | 80.00 ± 0.00 | – |").And.Contain("`\\|x~0\\|`"));
        Assert.That(html, Does.Contain("<td>80.00 ± 0.00</td>").And.Contain("NasPipeline 1"));
    }

    [Test]
    public void Build_BenchmarkOnly_SummarisesBenchmarkNumbersAndLeavesRetrainEmpty()
    {
        var manifest = ExperimentManifest.Parse(Grid + "[benchmark]\ntable = \"t.csv\"\n[evaluation]\nevaluators = [\"nb201\"]\n", "r.toml");
        EvaluationArtifact Looked(int seed, double test, int rank) => new("darts", "darts", "a", "magnitude", seed, "g", null, null,
            new NasPipeline.Benchmarks.BenchmarkResult(test - 3, test, test - 20, test - 50, rank, 15625, 100.0 * (15625 - rank + 1) / 15625, 94.37 - test),
            1, 0, 0, []);
        var model = ReportBuilder.Build(manifest, [Looked(0, 93.0, 100), Looked(1, 91.0, 300)], [], [], null, new Dictionary<string, string>(), DateTime.UnixEpoch);
        var a = model.Summary.Single();
        Assert.That((a.Accuracy, a.BenchmarkTest, a.Regret, a.Rank), Is.EqualTo(("–", "92.00 ± 1.41", "2.37 ± 1.41", "200.00 ± 141.42")));
        Assert.That(model.BenchmarkMatrix.Single().Cells, Is.EqualTo(new[] { "92.00 ± 1.41", "–" })); // b has no runs
        Assert.That((model.HasRetrain, model.HasBenchmark), Is.EqualTo((false, true)));
        Assert.That(model.Chart.Bars.Single().Value, Is.EqualTo("92.00"));
        Assert.That(model.ChartMetric, Does.Contain("NAS-Bench-201"));
    }
}
