using NasPipeline.Artifacts;
using NasPipeline.Manifest;
using NasPipeline.Reporting;
using NasPipeline.Reporting.Compute;

namespace NasPipeline.Tests.Reporting;

/// <summary>Builds a report model from hand-made results, drawing its figures into a scratch folder.</summary>
public sealed class ReportFixture : IDisposable
{
    readonly TempDirectory _dir = new();

    public string Directory => _dir.Path;

    public static EvaluationArtifact Run(string trainer, string selector, int seed, double accuracy,
        string genotype = Cell) =>
        new(trainer, trainer, selector, selector, seed, genotype, accuracy, 1000, null, 1, 0, 2, []);

    public const string Cell =
        "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|";
    public const string OtherCell =
        "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";

    public ReportModel Build(ExperimentManifest manifest, IReadOnlyList<EvaluationArtifact> results,
        IReadOnlyList<NotApplicablePair>? notApplicable = null, IReadOnlyList<NodeUsage>? usage = null,
        IReadOnlyDictionary<string, string>? versions = null, IReadOnlyList<SupernetRun>? supernets = null,
        (int, double)? benchmark = null) =>
        ReportBuilder.Build(new ReportInputs(manifest, results, notApplicable ?? [], supernets ?? [], usage ?? [], null,
            versions ?? new Dictionary<string, string>(), DateTime.UnixEpoch) { Benchmark = benchmark },
            new ReportFigures(Directory));

    public static string Template(string name) => Path.Combine(RepoPaths.Templates, name);

    public void Dispose() => _dir.Dispose();
}
