using System.Text.Json;
using NasPipeline.Reporting.Figures;
using NasPipeline.SearchSpaces;

namespace NasPipeline.Reporting;

/// <summary>Draws every figure the report's data allows into <c>figures/</c> of the report folder.</summary>
public sealed class ReportFigures(string directory)
{
    readonly FigureWriter _writer = new(directory);
    readonly List<Figure> _drawn = [];

    /// <summary>Every file drawn so far, relative to the report folder.</summary>
    public IEnumerable<string> Files => _drawn.SelectMany(f => f.Files);

    public FiguresView Draw(
        ReportInputs inputs, IReadOnlyList<GridPair> pairs, StudyStatistics statistics, string metric)
    {
        var m = inputs.Manifest;
        var trainers = m.Trainers.Select(t => t.Id).ToList();
        var selectors = m.Selectors.Select(s => s.Id).ToList();
        FigureView? heatmap = pairs.Count == 0 ? null : View(HeatmapFigure.Draw(_writer, trainers, selectors,
            (t, s) => pairs.FirstOrDefault(p => p.Trainer == trainers[t] && p.Selector == selectors[s])?.Primary.Mean,
            metric, m.Report.Decimals));
        var curves = trainers.Select(t => (t, (IReadOnlyList<double[]>)inputs.Supernets.Where(s => s.Trainer == t)
                .Select(s => s.Artifact.Epochs.Select(e => (e.ValidAccuracy ?? double.NaN) * 100).ToArray()).ToList()))
            .Where(c => c.Item2.Count > 0).ToList();
        var validation = curves.Count == 0 ? null : ValidationAccuracyFigure.Draw(_writer, curves);
        var cd = statistics.Ranking is { } ranking ? View(CriticalDifferenceFigure.Draw(_writer, ranking)) : null;
        var space = SearchSpaceCatalog.Get(m.SearchSpace.Name);
        var mixing = trainers.Select(t => inputs.Supernets.Where(s => s.Trainer == t).ToList())
            .Where(runs => runs.Count > 0)
            .SelectMany(runs => Mixing(space, runs))
            .ToList();
        var proxies = inputs.ProxyStudy?.Scatter
            .Select(p => View(ProxyScatterFigure.Draw(_writer, p.Proxy, p.Points, p.Correlation)))
            .ToList() ?? [];
        return new FiguresView(heatmap, validation is null ? null : View(validation), cd, mixing, proxies);
    }

    /// <summary>
    /// One trainer's mixing-weight figures, one per cell type of the space (NB201: one; DARTS: normal, reduce).
    /// </summary>
    IEnumerable<FigureView> Mixing(ISearchSpace space, IReadOnlyList<SupernetRun> runs)
    {
        var histories = runs.Select(r => ReadMixing(r).Select(space.Split).ToArray()).ToList();
        var named = space.CellTypes.Count > 1;
        return space.CellTypes.Select((cellType, c) => View(MixingWeightsFigure.Draw(_writer, runs[0].Trainer,
            cellType, histories.Select(h => h.Select(epoch => epoch[c]).ToArray()).ToList(), named)));
    }

    /// <summary>
    /// A diagram for each distinct selected architecture of <paramref name="space"/> (every cell type), named
    /// cell-01, cell-02, … in order of first appearance.
    /// </summary>
    public IReadOnlyDictionary<string, (string Name, FigureView Figure)> Cells(
        ISearchSpace space, IEnumerable<string> genotypes) =>
        genotypes.Distinct().Select((g, i) => (Genotype: g, Name: $"cell-{i + 1:00}"))
            .ToDictionary(c => c.Genotype,
                c => (c.Name, View(CellDiagramFigure.Draw(_writer, c.Name[5..], space, space.Parse(c.Genotype)))));

    FigureView View(Figure figure)
    {
        _drawn.Add(figure);
        return FigureView.Of(figure, directory);
    }

    /// <summary>The run's mixing history, [epoch][row][op] with the cell types' rows stacked.</summary>
    static double[][][] ReadMixing(SupernetRun run)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(run.HistoryPath));
        return json.RootElement.GetProperty("mixing").Deserialize<double[][][]>()!;
    }
}
