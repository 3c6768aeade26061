namespace NasPipeline.Reporting;

/// <summary>Everything a report template shows, already formatted: templates hold layout, not logic.</summary>
public sealed record ReportModel(
    string Title, string Experiment, string Manifest, string Generated, string Seeds,
    bool HasGrid, bool HasRetrain, bool HasBenchmark,
    IReadOnlyList<string> Selectors, IReadOnlyList<SummaryRow> Summary, IReadOnlyList<MatrixRow> Matrix,
    IReadOnlyList<MatrixRow> BenchmarkMatrix, IReadOnlyList<ResultRow> Results, IReadOnlyList<SupernetRow> Supernets,
    IReadOnlyList<string> Notes, Chart Chart, string ChartMetric, ProxyStudyModel? ProxyStudy, IReadOnlyList<VersionRow> Versions);

/// <summary>
/// One trainer × selector pair over seeds. Accuracy/Best/Worst/Parameters come from the retrain; the Benchmark…
/// columns are NAS-Bench-201 lookups (CIFAR-10 test, valid, CIFAR-100, ImageNet16-120), rank among all 15,625,
/// percentile and regret to the best CIFAR-10 test accuracy; "–" when that evaluator is off.
/// </summary>
public sealed record SummaryRow(
    string Trainer, string Selector, int Runs, string Accuracy, string Best, string Worst, int DistinctArchitectures, string Parameters,
    string BenchmarkTest, string BenchmarkValid, string BenchmarkCifar100, string BenchmarkImageNet16, string Rank, string Percentile, string Regret);

/// <summary>A trainer's row of the trainer × selector table; cells follow <see cref="ReportModel.Selectors"/>.</summary>
public sealed record MatrixRow(string Trainer, IReadOnlyList<string> Cells);

/// <summary>One (trainer, selector, seed) outcome.</summary>
public sealed record ResultRow(
    string Trainer, string Selector, int Seed, string Genotype, string Accuracy, string Parameters,
    string TrainSeconds, string SelectSeconds, string RetrainSeconds,
    string BenchmarkValid, string BenchmarkTest, string BenchmarkCifar100, string BenchmarkImageNet16, string Rank, string Percentile, string Regret);

/// <summary>One supernet training run: final metrics, time and resident memory from epoch 2 to the last.</summary>
public sealed record SupernetRow(
    string Trainer, int Seed, int Epochs, string TrainAccuracy, string ValidAccuracy, string Seconds, string RssSecondEpochMb, string RssLastEpochMb);

/// <summary>A horizontal bar chart (inline SVG in HTML) of mean accuracy per pair with ±1 std whiskers.</summary>
public sealed record Chart(int Width, int Height, IReadOnlyList<ChartBar> Bars, IReadOnlyList<ChartTick> Ticks);

public sealed record ChartBar(string Label, int Y, double Width, double WhiskerFrom, double WhiskerTo, string Value, string Colour);

public sealed record ChartTick(double X, string Label);

public sealed record VersionRow(string Name, string Version);
