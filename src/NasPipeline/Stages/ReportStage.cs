using NasPipeline.Artifacts;
using NasPipeline.Caching;
using NasPipeline.Manifest;
using NasPipeline.Reporting;

namespace NasPipeline.Stages;

/// <summary>Renders report.md, report.html, results.csv and summary.csv from the grid's evaluations.</summary>
public sealed class ReportStage(
    ExperimentManifest manifest, IReadOnlyList<NodeResult<EvaluationArtifact>> evaluations,
    IReadOnlyList<ReportBuilder.SupernetRun> supernets, IReadOnlyDictionary<string, string> versions, string templates)
    : IStage<ReportArtifact>
{
    public const string Markdown = "report.md", Html = "report.html", Results = "results.csv", SummaryFile = "summary.csv";

    public string Name => "report";
    public int Version => 1;
    public string Label => $"report {manifest.Experiment.Name}";

    public object Inputs => new
    {
        manifest.Experiment.Name, manifest.Report, seeds = manifest.Experiment.Seeds,
        trainers = manifest.Trainers.Select(t => t.Id), selectors = manifest.Selectors.Select(s => s.Id),
        evaluations = evaluations.Select(e => e.Key),
        templates = new[] { Markdown, Html }.Select(t => StageKey.HashFile(TemplatePath(t))),
    };

    public ReportArtifact Run(StageContext context)
    {
        var results = evaluations.Select(e => e.Artifact).ToList();
        var model = ReportBuilder.Build(manifest, results, supernets, versions, DateTime.UtcNow);
        File.WriteAllText(Path.Combine(context.Directory, Markdown), TemplateRenderer.Render(TemplatePath(Markdown), model, html: false));
        File.WriteAllText(Path.Combine(context.Directory, Html), TemplateRenderer.Render(TemplatePath(Html), model, html: true));
        ResultsCsv.WriteResults(Path.Combine(context.Directory, Results), manifest.Experiment.Name, results);
        ResultsCsv.WriteSummary(Path.Combine(context.Directory, SummaryFile), ReportBuilder.Pairs(manifest, results).Select(p =>
            new ResultsCsv.SummaryRow(p.Trainer, p.Selector, p.Stats.Count, p.Stats.Mean, p.Stats.StandardDeviation, p.Stats.Minimum, p.Stats.Maximum)));
        return new ReportArtifact([Markdown, Html, Results, SummaryFile]);
    }

    string TemplatePath(string output) => Path.Combine(templates, output + ".liquid");
}
