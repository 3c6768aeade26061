namespace NasPipeline.Reporting;

/// <summary>
/// Everything a report template shows, already formatted: templates hold layout, not logic. Sections are small
/// records so each template block reads one of them.
/// </summary>
public sealed record ReportModel
{
    public required string Title { get; init; }
    public required string Experiment { get; init; }
    public required string Manifest { get; init; }
    public required string Generated { get; init; }
    public required string Seeds { get; init; }
    public required bool HasGrid { get; init; }
    public required bool HasRetrain { get; init; }
    public required bool HasBenchmark { get; init; }

    /// <summary>With the benchmark: its number of architectures ("15,625") and best CIFAR-10 test accuracy.</summary>
    public string BenchmarkSize { get; init; } = "";
    public string BenchmarkBest { get; init; } = "";

    /// <summary>What the tests, ranks and main table measure, e.g. "retrain test accuracy (%)".</summary>
    public required string Metric { get; init; }

    /// <summary>The answers first: one sentence each, in the order a reader needs them.</summary>
    public required IReadOnlyList<string> Findings { get; init; }

    public required IReadOnlyList<string> Selectors { get; init; }
    public required string Baseline { get; init; }
    public required IReadOnlyList<MatrixRow> Matrix { get; init; }

    /// <summary>
    /// The benchmark's table when both evaluators ran (the main table then shows retraining); else empty.
    /// </summary>
    public required IReadOnlyList<MatrixRow> BenchmarkMatrix { get; init; }

    public required StatisticsView Statistics { get; init; }
    public required IReadOnlyList<SummaryRow> Summary { get; init; }
    public required IReadOnlyList<ResultRow> Results { get; init; }
    public required IReadOnlyList<ArchitectureRow> Architectures { get; init; }

    /// <summary>How to read the architecture diagrams, which depends on the space's drawing convention.</summary>
    public required string ArchitecturesNote { get; init; }

    public required IReadOnlyList<SupernetRow> Supernets { get; init; }
    public required FiguresView Figures { get; init; }
    public required ComputeView Compute { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Cells with no result because a node failed (on_failure = "continue"), in manifest order.</summary>
    public IReadOnlyList<FailedCell> Failed { get; init; } = [];
    public required ProxyStudyModel? ProxyStudy { get; init; }
    public required IReadOnlyList<VersionRow> Versions { get; init; }
}

/// <summary>
/// A trainer's row of the trainer × selector table; cells follow <see cref="ReportModel.Selectors"/>.
/// </summary>
public sealed record MatrixRow(string Trainer, IReadOnlyList<MatrixCell> Cells);

/// <summary>
/// "mean ± 95 % CI half-width" (or the mean alone for one seed, "n/a", "–"); <see cref="Best"/> marks the row's
/// highest mean; <see cref="Marker"/> is "*" (Holm-adjusted p &lt; 0.05 against the baseline) or "**" (&lt; 0.01).
/// <see cref="Tex"/> is the same cell for LaTeX: escaped, bold when best, the marker as a superscript.
/// </summary>
public sealed record MatrixCell(string Text, bool Best, string Marker)
{
    public string Tex
    {
        get
        {
            var text = Templates.TextEscapes.Latex(Text);
            return (Best ? $@"\textbf{{{text}}}" : text) + (Marker.Length > 0 ? $@"\textsuperscript{{{Marker}}}" : "");
        }
    }
}

/// <summary>
/// One trainer × selector pair over seeds: mean ± sample std, the 95 % t interval, extremes, distinct
/// architectures and parameters of the retrain; NAS-Bench-201 lookups (CIFAR-10 test, valid, CIFAR-100,
/// ImageNet16-120, rank among all 15,625, percentile, regret); "–" when that evaluator is off.
/// </summary>
public sealed record SummaryRow(
    string Trainer, string Selector, int Runs, string Accuracy, string Interval, string Best, string Worst,
    int DistinctArchitectures, string Parameters, string BenchmarkValid, string BenchmarkTest, string BenchmarkInterval,
    string BenchmarkCifar100, string BenchmarkImageNet16, string Rank, string Percentile, string Regret);

/// <summary>One (trainer, selector, seed) outcome, its cell diagram's anchor, and what its nodes cost.</summary>
public sealed record ResultRow(
    string Trainer, string Selector, int Seed, string Genotype, string Cell, string Accuracy, string Parameters,
    string TrainSeconds, string SelectSeconds, string RetrainSeconds, string BenchmarkValid, string BenchmarkTest,
    string BenchmarkCifar100, string BenchmarkImageNet16, string Rank, string Percentile, string Regret);

/// <summary>
/// A distinct selected architecture: its anchor name, diagram, genotype and every (trainer × selector seed) that
/// picked it; <see cref="Cells"/> spells out each cell type on its own line where the space has several (DARTS's
/// genotype strings are too long to read in one piece), and is empty otherwise.
/// </summary>
public sealed record ArchitectureRow(string Name, string Genotype, FigureView Figure, string PickedBy)
{
    public IReadOnlyList<CellText> Cells { get; init; } = [];
}

/// <summary>One cell type of an architecture: its name and its kept edges, e.g. [('sep_conv_3x3', 0), …].</summary>
public sealed record CellText(string Name, string Edges);

/// <summary>One supernet training run: final metrics, time and resident memory from epoch 2 to the last.</summary>
public sealed record SupernetRow(
    string Trainer, int Seed, int Epochs, string TrainAccuracy, string ValidAccuracy, string Seconds,
    string RssSecondEpochMb, string RssLastEpochMb);

public sealed record VersionRow(string Name, string Version);
