using NasPipeline.Artifacts;
using NasPipeline.Benchmarks;
using NasPipeline.Caching;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Reporting;
using NasPipeline.Reporting.Templates;

namespace NasPipeline.Stages;

/// <summary>
/// Renders report.md and report.html, and the tidy CSVs: results.csv and summary.csv for the grid,
/// proxy-correlations.csv for the proxy study.
/// </summary>
public sealed class ReportStage(
    ExperimentManifest manifest, IReadOnlyList<NodeResult<EvaluationArtifact>> evaluations,
    IReadOnlyList<NotApplicablePair> notApplicable,
    IReadOnlyList<ReportBuilder.SupernetRun> supernets, IReadOnlyList<NodeResult<ProxyScoresArtifact>> proxies,
    Func<Nb201Table>? table, IReadOnlyDictionary<string, string> versions, string templates)
    : IStage<ReportArtifact>
{
    public const string Markdown = "report.md", Html = "report.html", Results = "results.csv", SummaryFile = "summary.csv",
        ProxyCorrelations = "proxy-correlations.csv";

    public string Name => "report";
    public int Version => 3; // 2: benchmark columns, proxy study; 3: n/a pairs
    public string Label => $"report {manifest.Experiment.Name}";

    public object Inputs => new
    {
        manifest.Experiment.Name, manifest.Report, seeds = manifest.Experiment.Seeds,
        trainers = manifest.Trainers.Select(t => t.Id), selectors = manifest.Selectors.Select(s => s.Id),
        evaluators = manifest.Evaluation.Evaluators,
        evaluations = evaluations.Select(e => e.Key), notApplicable, proxies = proxies.Select(p => p.Key),
        table = table?.Invoke().Hash,
        templates = new[] { Markdown, Html }.Select(t => StageKey.HashFile(TemplatePath(t))),
    };

    public ReportArtifact Run(StageContext context)
    {
        var files = new List<string> { Markdown, Html };
        var results = evaluations.Select(e => e.Artifact).ToList();
        ProxyStudyModel? proxyModel = null;
        if (manifest.ProxyStudy is { } study && table is not null)
        {
            var correlations = ProxyStudyReport.Correlate(proxies.Select(p => (p.Artifact, p.Seconds)), table());
            proxyModel = ProxyStudyReport.Model(study, manifest.Benchmark.Table!, correlations);
            ProxyStudyReport.WriteCsv(Path.Combine(context.Directory, ProxyCorrelations), correlations);
            files.Add(ProxyCorrelations);
        }
        var model = ReportBuilder.Build(
            manifest, results, notApplicable, supernets, proxyModel, versions, DateTime.UtcNow);
        File.WriteAllText(Path.Combine(context.Directory, Markdown), TemplateRenderer.Render(TemplatePath(Markdown), model));
        File.WriteAllText(Path.Combine(context.Directory, Html), TemplateRenderer.Render(TemplatePath(Html), model));
        if (manifest.HasGrid)
        {
            ResultsCsv.WriteResults(Path.Combine(context.Directory, Results), manifest, results, notApplicable);
            ResultsCsv.WriteSummary(Path.Combine(context.Directory, SummaryFile), ReportBuilder.Pairs(manifest, results),
                notApplicable);
            files.AddRange([Results, SummaryFile]);
        }
        return new ReportArtifact(files);
    }

    string TemplatePath(string output) => Path.Combine(templates, output + ".liquid");
}
