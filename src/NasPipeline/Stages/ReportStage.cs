using NasPipeline.Artifacts;
using NasPipeline.Benchmarks;
using NasPipeline.Caching;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Reporting;
using NasPipeline.Reporting.Compute;
using NasPipeline.Reporting.Templates;

namespace NasPipeline.Stages;

/// <summary>
/// Renders report.md, report.html and report.tex with their figures (figures/*.png, *.svg), and the tidy CSVs:
/// results.csv and summary.csv for the grid, proxy-correlations.csv for the proxy study.
/// </summary>
public sealed class ReportStage(
    ExperimentManifest manifest, IReadOnlyList<NodeResult<EvaluationArtifact>> evaluations,
    IReadOnlyList<NotApplicablePair> notApplicable, IReadOnlyList<SupernetRun> supernets,
    IReadOnlyList<NodeUsage> usage, IReadOnlyList<NodeResult<ProxyScoresArtifact>> proxies,
    Func<Nb201Table>? table, IReadOnlyDictionary<string, string> versions, string templates,
    IReadOnlyList<FailedCell>? failed = null)
    : IStage<ReportArtifact>
{
    public const string Markdown = "report.md", Html = "report.html", Latex = "report.tex", Results = "results.csv",
        SummaryFile = "summary.csv", ProxyCorrelations = "proxy-correlations.csv";

    /// <summary>Each output and its Scriban template in the templates folder.</summary>
    public static readonly IReadOnlyList<(string Output, string Template)> Templates =
        [(Markdown, "report.sbn-md"), (Html, "report.sbn-html"), (Latex, "report.sbn-tex")];

    public string Name => "report";
    // 2: benchmark columns, proxy study; 3: n/a pairs; 4: statistics, figures, LaTeX, compute; 5: failed cells
    public int Version => 5;
    public string Label => $"report {manifest.Experiment.Name}";

    readonly IReadOnlyList<FailedCell> _failed = failed ?? [];

    // Failed cells (on_failure = "continue") join the key only when there are some: a complete study keeps its key.
    public object Inputs => _failed.Count == 0 ? CompleteInputs : new { inputs = CompleteInputs, failed = _failed };

    object CompleteInputs => new
    {
        manifest.Experiment.Name, manifest.Report, seeds = manifest.Experiment.Seeds,
        trainers = manifest.Trainers.Select(t => t.Id), selectors = manifest.Selectors.Select(s => s.Id),
        evaluators = manifest.Evaluation.Evaluators,
        evaluations = evaluations.Select(e => e.Key), notApplicable, proxies = proxies.Select(p => p.Key),
        table = table?.Invoke().Hash,
        templates = Templates.Select(t => StageKey.HashFile(Path.Combine(templates, t.Template))),
    };

    public ReportArtifact Run(StageContext context)
    {
        var files = new List<string>();
        var results = evaluations.Select(e => e.Artifact).ToList();
        ProxyStudyInputs? proxyStudy = null;
        if (manifest.ProxyStudy is { } study && table is not null)
        {
            var correlations = ProxyStudyReport.Correlate(proxies.Select(p => (p.Artifact, p.Seconds)), table());
            proxyStudy = ProxyStudyReport.Inputs(study, manifest.Benchmark.Table!, correlations, table());
            ProxyStudyReport.WriteCsv(Path.Combine(context.Directory, ProxyCorrelations), correlations);
            files.Add(ProxyCorrelations);
        }
        var inputs = new ReportInputs(manifest, results, notApplicable, supernets, usage, proxyStudy, versions,
            DateTime.UtcNow)
        {
            Failed = _failed,
            Benchmark = manifest.Evaluation.Nb201 && table is not null
                ? (table().Entries.Count, table().BestCifar10Test) : null,
        };
        var figures = new ReportFigures(context.Directory);
        var model = ReportBuilder.Build(inputs, figures);
        foreach (var (output, template) in Templates)
        {
            File.WriteAllText(Path.Combine(context.Directory, output),
                TemplateRenderer.Render(Path.Combine(templates, template), model));
            files.Add(output);
        }
        files.AddRange(figures.Files);
        if (manifest.HasGrid)
        {
            ResultsCsv.WriteResults(Path.Combine(context.Directory, Results), manifest, results, notApplicable, usage,
                _failed);
            var pairs = GridPair.Of(manifest, results);
            ResultsCsv.WriteSummary(Path.Combine(context.Directory, SummaryFile), manifest, pairs, notApplicable,
                StudyStatistics.Of(manifest, pairs), _failed);
            files.AddRange([Results, SummaryFile]);
        }
        return new ReportArtifact(files);
    }
}
