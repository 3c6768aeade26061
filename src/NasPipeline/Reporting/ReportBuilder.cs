using NasPipeline.Artifacts;
using NasPipeline.Manifest;
using NasPipeline.Reporting.Figures;
using NasPipeline.Reporting.Statistics;
using NasPipeline.SearchSpaces;

namespace NasPipeline.Reporting;

/// <summary>
/// Turns the study's results into the report's view model: pairs and their statistics
/// (<see cref="StudyStatistics"/>), tables (<see cref="MatrixBuilder"/>), figures drawn into the report folder
/// (<see cref="ReportFigures"/>), the compute account (<see cref="ComputeViewBuilder"/>) and the findings on top.
/// Numbers are formatted in <see cref="Format"/>; rows are built with named arguments.
/// </summary>
public static class ReportBuilder
{
    public static ReportModel Build(ReportInputs inputs, ReportFigures figures)
    {
        var m = inputs.Manifest;
        var d = m.Report.Decimals;
        var pairs = GridPair.Of(m, inputs.Results);
        var statistics = StudyStatistics.Of(m, pairs);
        var evaluation = m.Evaluation;
        var metric = evaluation.Retrain
            ? "retrain test accuracy (%)"
            : "NAS-Bench-201 CIFAR-10 test accuracy (benchmark, %)";
        var view = StatisticsViewBuilder.Build(statistics, d);
        var compute = ComputeViewBuilder.Build(m, inputs.Usage);
        var figureViews = m.HasGrid || inputs.ProxyStudy is not null ? figures.Draw(inputs, pairs, statistics, metric)
            : FiguresView.None;
        var space = SearchSpaceCatalog.Get(m.SearchSpace.Name);
        var cells = figures.Cells(space, Ordered(m, inputs.Results).Select(r => r.Genotype));
        return new ReportModel
        {
            Title = m.Report.Title, Experiment = m.Experiment.Name, Manifest = m.Path,
            Generated = inputs.GeneratedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", Format.Invariant),
            Seeds = string.Join(", ", m.Experiment.Seeds), HasGrid = m.HasGrid, HasRetrain = evaluation.Retrain,
            HasBenchmark = evaluation.Nb201, Metric = metric,
            BenchmarkSize = inputs.Benchmark?.Architectures.ToString("N0", Format.Invariant) ?? "",
            BenchmarkBest = inputs.Benchmark?.BestCifar10Test.ToString("F2", Format.Invariant) ?? "",
            Findings = FailedFinding(inputs.Failed).Concat(m.HasGrid
                ? Findings.Of(m, pairs, statistics, view, compute.Footprint)
                : [$"Compute: {compute.Footprint}."]).ToList(),
            Selectors = m.Selectors.Select(s => s.Id).ToList(), Baseline = m.Report.Baseline ?? "",
            Matrix = MatrixBuilder.Build(m, pairs, inputs.NotApplicable, p => p.Primary, statistics),
            BenchmarkMatrix = evaluation.Retrain && evaluation.Nb201
                ? MatrixBuilder.Build(m, pairs, inputs.NotApplicable, p => p.Benchmark, null) : [],
            Statistics = view,
            Summary = SummaryRows(m, pairs, inputs.NotApplicable),
            Results = ResultRows(m, inputs, cells),
            ArchitecturesNote = ArchitecturesNote(space),
            Architectures = cells.Select(c => new ArchitectureRow(c.Value.Name, c.Key, c.Value.Figure,
                string.Join(", ", Ordered(m, inputs.Results).Where(r => r.Genotype == c.Key)
                    .Select(r => $"{r.Trainer} × {r.Selector} seed {r.Seed}")))
                { Cells = CellTexts(space, c.Key) }).ToList(),
            Supernets = inputs.Supernets.Select(s => SupernetRow(s, d)).ToList(),
            Figures = figureViews, Compute = compute,
            Notes = inputs.NotApplicable.Select(n => $"{n.Trainer} × {n.Selector}: not applicable: {n.Reason}")
                .Concat(inputs.Results.SelectMany(r =>
                    r.Notes.Select(n => $"{r.Trainer} × {r.Selector} seed={r.Seed}: {n}")))
                .ToList(),
            Failed = inputs.Failed,
            ProxyStudy = inputs.ProxyStudy?.Model,
            Versions = inputs.Versions.Select(v => new VersionRow(v.Key, v.Value)).ToList(),
        };
    }

    /// <summary>What the architecture diagrams show, in the drawing's convention (<see cref="CellDiagram"/>).</summary>
    static string ArchitecturesNote(ISearchSpace space)
    {
        var name = space.Name.ToUpperInvariant();
        if (space.CellTypes.All(c => CellDiagram.Inputs(c) == 1))
            return $"Every distinct cell the selectors picked, drawn as its {name} graph (edges j ← i labelled " +
                   "with their operation; dashed grey: none), with the runs that picked it.";
        var cell = space.CellTypes[0];
        var (inputs, nodes) = (CellDiagram.Inputs(cell), cell.Edges.Select(e => e.To).Distinct().Count());
        var labels = string.Join(", ", Enumerable.Range(0, inputs).Select(i => $"c_{{k-{inputs - i}}}"));
        return $"Every distinct architecture the selectors picked, its " +
               $"{string.Join(" and ", space.CellTypes.Select(c => c.Name))} cells drawn as {name} draws them: " +
               $"{labels} are the cell's inputs (the previous cells' outputs), 0–{nodes - 1} " +
               "its intermediate nodes, each kept edge an arrow labelled with its operation, and grey arrows " +
               "concatenate the intermediate nodes into the output c_{k}. Under each diagram every cell's kept " +
               $"edges as (operation, input) node by node, inputs 0–{inputs - 1} being the cell's inputs and " +
               $"{inputs}–{inputs + nodes - 1} the nodes 0–{nodes - 1}; then the runs that picked it.";
    }

    /// <summary>
    /// A long genotype of a space with several cell types, one line per cell type: its kept edges as DARTS lists
    /// them, (operation, input node) node by node; empty for a one-cell space, whose genotype string is the cell.
    /// </summary>
    static IReadOnlyList<CellText> CellTexts(ISearchSpace space, string genotype)
    {
        if (space.CellTypes.Count == 1) return [];
        var choices = space.Parse(genotype).Choices;
        return space.CellTypes.Select((cellType, c) => new CellText(cellType.Name, "[" + string.Join(", ",
            cellType.Edges.Select((edge, e) => (Edge: edge, Op: choices[c][e])).Where(x => x.Op >= 0)
                .Select(x => $"('{x.Edge.Operations[x.Op]}', {x.Edge.From.ToString(Format.Invariant)})")) + "]"))
            .ToList();
    }

    /// <summary>Failed cells come first: every number below is over the cells that finished.</summary>
    static IEnumerable<string> FailedFinding(IReadOnlyList<FailedCell> failed) => failed.Count == 0 ? []
        : [(failed.Count == 1 ? "1 cell failed and has" : $"{failed.Count} cells failed and have") +
           " no result (see Failed cells): every table and test below uses only the cells that finished."];

    static IEnumerable<EvaluationArtifact> Ordered(ExperimentManifest m, IEnumerable<EvaluationArtifact> results) =>
        results.OrderBy(r => m.Trainers.ToList().FindIndex(t => t.Id == r.Trainer))
            .ThenBy(r => m.Selectors.ToList().FindIndex(s => s.Id == r.Selector)).ThenBy(r => r.Seed);

    static IReadOnlyList<SummaryRow> SummaryRows(
        ExperimentManifest m, IReadOnlyList<GridPair> pairs, IReadOnlyList<NotApplicablePair> notApplicable)
    {
        var d = m.Report.Decimals;
        string MeanStd(Summary? s) =>
            s is null ? Format.None : $"{Format.Fixed(s.Mean, d)} ± {Format.Fixed(s.StandardDeviation, d)}";
        string Interval(Summary? s) => s is null || double.IsNaN(s.CiLow) ? Format.None
            : $"[{Format.Fixed(s.CiLow, d)}, {Format.Fixed(s.CiHigh, d)}]";
        Summary? Bench(GridPair p, Func<Benchmarks.BenchmarkResult, double> value) => GridPair.Of(p.Runs, value);
        var rows = pairs.Select(p => new SummaryRow(
            Trainer: p.Trainer, Selector: p.Selector, Runs: p.Runs.Count, Accuracy: MeanStd(p.Retrain),
            Interval: Interval(p.Retrain), Best: Format.Fixed(p.Retrain?.Maximum, d),
            Worst: Format.Fixed(p.Retrain?.Minimum, d),
            DistinctArchitectures: p.Runs.Select(r => r.Genotype).Distinct().Count(),
            Parameters: p.Runs.All(r => r.Parameters is not null)
                ? Format.Count(p.Runs.Average(r => r.Parameters!.Value)) : Format.None,
            BenchmarkValid: MeanStd(Bench(p, b => b.Cifar10Valid)),
            BenchmarkTest: MeanStd(p.Benchmark), BenchmarkInterval: Interval(p.Benchmark),
            BenchmarkCifar100: MeanStd(Bench(p, b => b.Cifar100Test)),
            BenchmarkImageNet16: MeanStd(Bench(p, b => b.ImageNet16Test)), Rank: MeanStd(Bench(p, b => b.Rank)),
            Percentile: MeanStd(Bench(p, b => b.Percentile)), Regret: MeanStd(Bench(p, b => b.Regret))));
        const string na = MatrixBuilder.NotApplicable;
        var missing = notApplicable.Select(n => new SummaryRow(
            Trainer: n.Trainer, Selector: n.Selector, Runs: 0, Accuracy: na, Interval: na, Best: na, Worst: na,
            DistinctArchitectures: 0, Parameters: na, BenchmarkValid: na, BenchmarkTest: na, BenchmarkInterval: na,
            BenchmarkCifar100: na, BenchmarkImageNet16: na, Rank: na, Percentile: na, Regret: na));
        return rows.Concat(missing).OrderBy(r => m.Trainers.ToList().FindIndex(t => t.Id == r.Trainer))
            .ThenBy(r => m.Selectors.ToList().FindIndex(s => s.Id == r.Selector)).ToList();
    }

    static IReadOnlyList<ResultRow> ResultRows(ExperimentManifest m, ReportInputs inputs,
        IReadOnlyDictionary<string, (string Name, FigureView Figure)> cells)
    {
        var d = m.Report.Decimals;
        var rows = Ordered(m, inputs.Results).Select(r => new ResultRow(
            Trainer: r.Trainer, Selector: r.Selector, Seed: r.Seed, Genotype: r.Genotype, Cell: cells[r.Genotype].Name,
            Accuracy: Format.Fixed(r.TestAccuracy, d),
            Parameters: r.Parameters is { } p ? Format.Count(p) : Format.None,
            TrainSeconds: Format.Seconds(r.TrainSeconds), SelectSeconds: Format.Seconds(r.SelectSeconds),
            RetrainSeconds: Format.Seconds(r.RetrainSeconds),
            BenchmarkValid: Format.Fixed(r.Benchmark?.Cifar10Valid, d),
            BenchmarkTest: Format.Fixed(r.Benchmark?.Cifar10Test, d),
            BenchmarkCifar100: Format.Fixed(r.Benchmark?.Cifar100Test, d),
            BenchmarkImageNet16: Format.Fixed(r.Benchmark?.ImageNet16Test, d),
            Rank: r.Benchmark is { } b ? $"{Format.Count(b.Rank)}/{Format.Count(b.Architectures)}" : Format.None,
            Percentile: Format.Fixed(r.Benchmark?.Percentile, d), Regret: Format.Fixed(r.Benchmark?.Regret, d)));
        const string na = MatrixBuilder.NotApplicable;
        var missing = from n in inputs.NotApplicable
                      from seed in m.Experiment.Seeds
                      select new ResultRow(Trainer: n.Trainer, Selector: n.Selector, Seed: seed, Genotype: na,
                          Cell: "", Accuracy: na, Parameters: na, TrainSeconds: Format.None, SelectSeconds: Format.None,
                          RetrainSeconds: Format.None, BenchmarkValid: na, BenchmarkTest: na, BenchmarkCifar100: na,
                          BenchmarkImageNet16: na, Rank: na, Percentile: na, Regret: na);
        return rows.Concat(missing).OrderBy(r => m.Trainers.ToList().FindIndex(t => t.Id == r.Trainer))
            .ThenBy(r => m.Selectors.ToList().FindIndex(s => s.Id == r.Selector)).ThenBy(r => r.Seed).ToList();
    }

    static SupernetRow SupernetRow(SupernetRun s, int d)
    {
        var epochs = s.Artifact.Epochs;
        string Pct(double fraction) => Format.Fixed(fraction * 100, d);
        string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", Format.Invariant);
        return new SupernetRow(
            Trainer: s.Trainer, Seed: s.Seed, Epochs: epochs.Count, TrainAccuracy: Pct(epochs[^1].TrainAccuracy),
            ValidAccuracy: epochs[^1].ValidAccuracy is { } v ? Pct(v) : Format.None, Seconds: Format.Seconds(s.Seconds),
            RssSecondEpochMb: Mb(epochs[Math.Min(1, epochs.Count - 1)].RssBytes),
            RssLastEpochMb: Mb(epochs[^1].RssBytes));
    }
}
