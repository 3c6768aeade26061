using NasPipeline.Stages;
using NasPipeline.Artifacts;
using NasPipeline.Manifest;
using NasPipeline.Reporting;
using NasPipeline.Reporting.Templates;

namespace NasPipeline.Tests.Reporting;

/// <summary>A pair whose selector cannot choose is n/a in every table and CSV, never a number in a mean.</summary>
public sealed class NotApplicablePairTests
{
    static readonly ExperimentManifest Manifest = StudyManifest.Parse("""
        [experiment]
        name = "na"
        seeds = [0, 1]
        [[trainers]]
        id = "darts"
        method = "darts"
        [[trainers]]
        id = "oneshot"
        method = "oneshot"
        [[selectors]]
        id = "magnitude"
        method = "magnitude"
        [[selectors]]
        id = "random"
        method = "random"

        """, "na.toml");

    static readonly NotApplicablePair OneShotMagnitude = new("oneshot", "magnitude", "α is fixed");

    static EvaluationArtifact Run(string trainer, string selector, int seed, double accuracy) =>
        new(trainer, trainer, selector, selector, seed, ReportFixture.Cell, accuracy, 1000, null, 1, 0, 2, []);

    static readonly EvaluationArtifact[] Results =
    [
        Run("darts", "magnitude", 0, 80), Run("darts", "magnitude", 1, 82), Run("darts", "random", 0, 70),
        Run("darts", "random", 1, 72), Run("oneshot", "random", 0, 60), Run("oneshot", "random", 1, 62),
    ];

    static ReportModel Model(ReportFixture fixture) => fixture.Build(Manifest, Results, [OneShotMagnitude]);

    [Test]
    public void Build_NotApplicablePair_IsNaInTheMatrixSummaryAndEveryRunTable()
    {
        using var fixture = new ReportFixture();
        var model = Model(fixture);
        Assert.That(model.Matrix.Single(r => r.Trainer == "oneshot").Cells.Select(c => c.Text),
            Is.EqualTo(new[] { "n/a", "61.00 ± 12.71" }));
        var pair = model.Summary.Single(s => s is { Trainer: "oneshot", Selector: "magnitude" });
        Assert.That((pair.Runs, pair.Accuracy, pair.Best), Is.EqualTo((0, "n/a", "n/a")));
        Assert.That(model.Summary.Select(s => (s.Trainer, s.Selector)), Is.EqualTo(new[]
        {
            ("darts", "magnitude"), ("darts", "random"), ("oneshot", "magnitude"), ("oneshot", "random"),
        }), "manifest order");
        Assert.That(model.Results.Where(r => r.Trainer == "oneshot" && r.Selector == "magnitude")
            .Select(r => (r.Seed, r.Accuracy)), Is.EqualTo(new[] { (0, "n/a"), (1, "n/a") }));
        Assert.That(model.Notes, Has.One.EqualTo("oneshot × magnitude: not applicable: α is fixed"));
        Assert.That(model.Statistics.Comparisons.Select(c => (c.Trainer, c.Selector)),
            Is.EqualTo(new[] { ("darts", "random") }),
            "oneshot has no magnitude runs to pair with");
    }

    [Test]
    public void Render_NotApplicablePair_ShowsNaInMarkdown()
    {
        using var fixture = new ReportFixture();
        var md = TemplateRenderer.Render(ReportFixture.Template("report.sbn-md"), Model(fixture));
        Assert.That(md, Does.Contain("| oneshot | n/a | **61.00 ± 12.71** |")
            .And.Contain("not applicable: α is fixed"));
    }

    [Test]
    public void Csv_NotApplicablePair_HasEmptyResultsAndTheReason()
    {
        using var dir = new TempDirectory();
        ResultsCsv.WriteResults(dir.File("results.csv"), Manifest, Results, [OneShotMagnitude], []);
        var pairs = GridPair.Of(Manifest, Results);
        ResultsCsv.WriteSummary(dir.File("summary.csv"), Manifest, pairs, [OneShotMagnitude],
            StudyStatistics.Of(Manifest, pairs));
        var results = File.ReadAllLines(dir.File("results.csv"));
        var header = results[0].Split(',');
        var na = results.Skip(1).Select(l => l.Split(','))
            .Where(c => c[1] == "oneshot" && c[3] == "magnitude").ToList();
        Assert.That(na, Has.Count.EqualTo(2), "one row per seed");
        Assert.That(na.Select(c => c[Array.IndexOf(header, "TestAccuracy")]), Is.All.Empty);
        Assert.That(na.Select(c => c[Array.IndexOf(header, "NotApplicable")]), Is.All.EqualTo("α is fixed"));
        var summary = File.ReadAllLines(dir.File("summary.csv"));
        var columns = summary[0].Split(',');
        var row = summary.Skip(1).Select(l => l.Split(',')).Single(c => c[0] == "oneshot" && c[1] == "magnitude");
        Assert.That((row[Array.IndexOf(columns, "Runs")], row[Array.IndexOf(columns, "MeanAccuracy")],
            row[Array.IndexOf(columns, "NotApplicable")]), Is.EqualTo(("0", "", "α is fixed")));
    }
}
