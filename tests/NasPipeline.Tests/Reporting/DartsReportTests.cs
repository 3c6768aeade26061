using NasPipeline.Stages;
using System.Text.Json;
using NasPipeline.Artifacts;
using NasPipeline.Manifest;
using NasPipeline.Reporting;
using NasPipeline.Reporting.Templates;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.Tests.SearchSpaces.Darts;
using NasPipeline.Training;
using static NasPipeline.Tests.Reporting.ReportFixture;

namespace NasPipeline.Tests.Reporting;

/// <summary>
/// A report of a DARTS-space study: mixing figures and diagrams for both cell types, and both cells' genotypes.
/// </summary>
public sealed class DartsReportTests
{
    static readonly ExperimentManifest Manifest = StudyManifest.Parse("""
        [experiment]
        name = "d"
        seeds = [0]
        [search_space]
        name = "darts"
        [[trainers]]
        id = "darts"
        method = "darts"
        [[selectors]]
        id = "magnitude"
        method = "magnitude"
        [[selectors]]
        id = "random"
        method = "random"

        """, "d.toml");

    /// <summary>DARTS_V2 and V1 as the space writes them (a node's inputs in order), as selectors do.</summary>
    static readonly string V2 = Canonical(PublishedGenotypes.DartsV2), V1 = Canonical(PublishedGenotypes.DartsV1);

    static string Canonical(string text) =>
        DartsSearchSpace.Instance.FromChoices(DartsGenotype.Parse(text).Choices).ToString()!;

    /// <summary>A supernet whose history holds 2 epochs of 28 stacked rows: 14 normal, then 14 reduce.</summary>
    static SupernetRun Supernet(string directory)
    {
        var mixing = Enumerable.Range(0, 2).Select(e => Enumerable.Range(0, 28)
            .Select(row => Enumerable.Range(0, 8).Select(op => row < 14 && op == 3 ? 0.3 : 0.1).ToArray())
            .ToArray()).ToArray();
        var history = Path.Combine(directory, "mixing-history.json");
        File.WriteAllText(history, JsonSerializer.Serialize(new { mixing }));
        var epochs = Enumerable.Range(1, 2)
            .Select(e => new EpochMetrics(e, 0.025, 1, 0.5, null, null, 1, 0.4, 2, 1 << 20)).ToList();
        return new SupernetRun("darts", 0,
            new SupernetArtifact("darts", 16, 8, 3, 10, "s", "h", "m", mixing[^1], epochs), history, 3);
    }

    [Test]
    public void Build_DartsStudy_MixingFiguresPerCellType_DiagramsAndBothCellsGenotypes()
    {
        using var fixture = new ReportFixture();
        using var scratch = new TempDirectory();
        var model = fixture.Build(Manifest, [Run("darts", "magnitude", 0, 80, V2), Run("darts", "random", 0, 70, V1)],
            supernets: [Supernet(scratch.Path)]);
        Assert.That(model.Figures.Mixing.Select(f => f.Png),
            Is.EqualTo(new[] { "figures/mixing-darts-normal.png", "figures/mixing-darts-reduce.png" }));
        Assert.That(model.Architectures.Select(a => (a.Name, a.Genotype)),
            Is.EqualTo(new[] { ("cell-01", V2), ("cell-02", V1) }));
        Assert.That(File.Exists(Path.Combine(fixture.Directory, "figures", "cell-02.svg")));
        var cells = model.Architectures[0].Cells;
        Assert.That(cells.Select(c => c.Name), Is.EqualTo(new[] { "normal", "reduce" }));
        Assert.That(cells[0].Edges, Is.EqualTo("[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), "
            + "('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), "
            + "('dil_conv_3x3', 2)]"));
        Assert.That(cells[1].Edges, Does.StartWith("[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 1), "));
        Assert.That(model.ArchitecturesNote, Does.Contain("c_{k-2}, c_{k-1} are the cell's inputs"));

        var md = TemplateRenderer.Render(Template("report.sbn-md"), model);
        var html = TemplateRenderer.Render(Template("report.sbn-html"), model);
        Assert.That(md, Does.Contain($"normal `{cells[0].Edges}`<br>reduce `{cells[1].Edges}`"));
        Assert.That(md, Does.Contain("![darts: normal-cell mixing weights per edge over epochs]"));
        Assert.That(html,
            Does.Contain("<b>reduce</b> <code style=\"display: inline\">[(&#39;max_pool_3x3&#39;, 0)"));
        Assert.That(html, Does.Contain("</a> <code>" + System.Net.WebUtility.HtmlEncode(V2) + "</code>"),
            "the whole genotype stays in the every-run table");
    }
}
