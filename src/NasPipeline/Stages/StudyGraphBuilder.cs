using NasPipeline.Artifacts;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Reporting;
using NasPipeline.Reporting.Compute;
using NasPipeline.SearchSpaces;

namespace NasPipeline.Stages;

/// <summary>
/// The study graph of one manifest: train (trainer × seed) → select (× selector; once per seed for selectors that
/// never read a supernet) → retrain (per selection, when the retrain evaluator is on; selections that pick the same
/// cell resolve to one retrain key) → evaluate (one grid cell each) → report, plus one proxy node per proxy of a
/// [proxy_study]. Pairs whose selector cannot choose from the trainer's supernets (magnitude on fixed α) get no
/// nodes; the report lists them as n/a. Nodes are added in the order a sequential run visits them.
/// </summary>
public static class StudyGraphBuilder
{
    public const string ReportId = "report";

    public static StudyGraph Build(ExperimentManifest m, StudyResources r, string templates)
    {
        var graph = new StudyGraph();
        var compute = m.Experiment.Compute;
        var trains = new Dictionary<(string, int), GraphNode<SupernetArtifact>>();
        foreach (var seed in m.Experiment.Seeds)
            foreach (var trainer in m.Trainers)
                trains[(trainer.Id, seed)] = graph.Add(new GraphNode<SupernetArtifact>(
                    $"train/{trainer.Id}/seed={seed}", "train", $"train {trainer.Id} seed={seed}", [],
                    _ => new TrainSupernetStage(m.Dataset, m.SearchSpace, trainer, seed, compute, r.Data)));

        var cells =
            new List<(PluginSpec Trainer, PluginSpec Selector, int Seed, GraphNode<SelectionArtifact> Select)>();
        var seedLevel = new Dictionary<(string, int), GraphNode<SelectionArtifact>>();
        var notApplicable = NotApplicable(m);
        foreach (var seed in m.Experiment.Seeds)
            foreach (var trainer in m.Trainers)
                foreach (var selector in m.Selectors)
                {
                    if (notApplicable.Any(n => n.Trainer == trainer.Id && n.Selector == selector.Id)) continue;
                    var train = trains[(trainer.Id, seed)];
                    var select = SelectStage.ReadsSupernet(selector)
                        ? graph.Add(new GraphNode<SelectionArtifact>(
                            $"select/{trainer.Id}/{selector.Id}/seed={seed}", "select",
                            $"select {selector.Id} from {trainer.Id} seed={seed}", [train],
                            u => new SelectStage(selector, (trainer, u.Of(train)), seed, m.Dataset, m.SearchSpace,
                                compute, r.Data)))
                        : seedLevel.TryGetValue((selector.Id, seed), out var shared) ? shared
                        : seedLevel[(selector.Id, seed)] = graph.Add(new GraphNode<SelectionArtifact>(
                            $"select/{selector.Id}/seed={seed}", "select", $"select {selector.Id} seed={seed}", [],
                            _ => new SelectStage(selector, null, seed, m.Dataset, m.SearchSpace, compute, r.Data)));
                    cells.Add((trainer, selector, seed, select));
                }

        var retrains = new Dictionary<GraphNode, GraphNode<RetrainArtifact>>();
        if (m.Evaluation.Retrain)
            foreach (var (_, _, seed, select) in cells.Where(c => !retrains.ContainsKey(c.Select)))
                retrains[select] = graph.Add(new GraphNode<RetrainArtifact>(
                    "retrain/" + select.Id["select/".Length..], "retrain", $"retrain ({select.Label})", [select],
                    u => new RetrainStage(SearchSpaceCatalog.Get(m.SearchSpace.Name), u.Of(select).Artifact.Genotype,
                        m.Retrain, m.Dataset, seed, compute, r.Data)));

        var evaluations = new List<GraphNode<EvaluationArtifact>>();
        foreach (var (trainer, selector, seed, select) in cells)
        {
            var train = trains[(trainer.Id, seed)];
            var retrain = retrains.GetValueOrDefault(select);
            evaluations.Add(graph.Add(new GraphNode<EvaluationArtifact>(
                $"evaluate/{trainer.Id}/{selector.Id}/seed={seed}", "evaluate",
                $"evaluate {trainer.Id} × {selector.Id} seed={seed}",
                retrain is null ? [train, select] : [train, select, retrain],
                u => new EvaluateStage(trainer, selector, seed, u.Of(train), u.Of(select),
                    retrain is null ? null : u.Of(retrain), m.Evaluation.Nb201 ? r.Table : null))));
        }

        var proxies = m.ProxyStudy is { } study
            ? study.Proxies.Select(proxy => graph.Add(new GraphNode<ProxyScoresArtifact>(
                $"proxy/{proxy}", "proxy",
                $"proxy {proxy} on {study.Architectures} NB201 architectures seed={study.Seed}", [],
                _ => new ProxyScoreStage(proxy, study, m.Dataset, compute, r.Table, r.Data)))).ToList()
            : [];

        // The report reads every node: results from trains, evaluations and proxies, and what each node cost (the
        // grid cells that read it say whose cost it is). It gathers: with on_failure = "continue" it runs on the
        // results there are and lists the cells whose nodes failed.
        var readers = new List<(GraphNode Node, IReadOnlyList<GridCell> Cells)>();
        foreach (var ((trainer, seed), train) in trains)
            readers.Add((train, cells.Where(c => c.Trainer.Id == trainer && c.Seed == seed).Select(Cell).ToList()));
        foreach (var select in cells.Select(c => c.Select).Distinct())
            readers.Add((select, cells.Where(c => c.Select == select).Select(Cell).ToList()));
        foreach (var (select, retrain) in retrains)
            readers.Add((retrain, cells.Where(c => c.Select == select).Select(Cell).ToList()));
        readers.AddRange(cells.Zip(evaluations, (c, e) => ((GraphNode)e, (IReadOnlyList<GridCell>)[Cell(c)])));
        readers.AddRange(proxies.Select(p => ((GraphNode)p, (IReadOnlyList<GridCell>)[])));
        graph.Add(new GraphNode<ReportArtifact>(ReportId, "report", $"report {m.Experiment.Name}",
            readers.Select(r => r.Node).ToList(),
            u => new ReportStage(m, evaluations.Where(u.Has).Select(e => u.Of(e)).ToList(), notApplicable,
                trains.Where(t => u.Has(t.Value)).Select(t => SupernetRun(t.Key.Item1, t.Key.Item2, u.Of(t.Value)))
                    .ToList(),
                Usage(readers.Where(x => u.Has(x.Node)), u, compute),
                proxies.Where(u.Has).Select(p => u.Of(p)).ToList(),
                m.ProxyStudy is null ? null : r.Table, StageRunner.Versions, templates,
                Failed(cells.Zip(evaluations, (c, e) => (Cell(c), (GraphNode)e)), proxies, m.ProxyStudy?.Seed ?? 0, u)))
        {
            Gathers = true,
        });
        return graph;
    }

    /// <summary>
    /// The trainer × selector pairs of the grid whose selector cannot choose from that trainer, with the reason.
    /// </summary>
    public static IReadOnlyList<NotApplicablePair> NotApplicable(ExperimentManifest m) =>
        (from trainer in m.Trainers
         from selector in m.Selectors
         let reason = SelectStage.NotApplicable(trainer, selector)
         where reason is not null
         select new NotApplicablePair(trainer.Id, selector.Id, reason)).ToList();

    /// <summary>The cells (and proxies) without a result, each with the node that failed on its way and why.</summary>
    static IReadOnlyList<FailedCell> Failed(IEnumerable<(GridCell Cell, GraphNode Evaluation)> cells,
        IEnumerable<GraphNode> proxies, int proxySeed, NodeResults results) =>
        cells.Select(c => (c.Cell, Cause: results.Cause(c.Evaluation)))
            .Where(c => c.Cause is not null)
            .Select(c => new FailedCell(c.Cell.Trainer, c.Cell.Selector, c.Cell.Seed, c.Cause!.Node.Stage,
                c.Cause.Node.Id, c.Cause.Reason))
            .Concat(proxies.Select(p => results.Cause(p)).OfType<NodeFailure>()
                .Select(f => new FailedCell("", "", proxySeed, f.Node.Stage, f.Node.Id, f.Reason)))
            .ToList();

    static SupernetRun SupernetRun(string trainer, int seed, NodeResult<SupernetArtifact> node) =>
        new(trainer, seed, node.Artifact, node.PathOf(node.Artifact.HistoryFile), node.Seconds);

    static GridCell Cell((PluginSpec Trainer, PluginSpec Selector, int Seed, GraphNode<SelectionArtifact> Select) c) =>
        new(c.Trainer.Id, c.Selector.Id, c.Seed);

    /// <summary>
    /// One entry per distinct node (graph nodes that resolve to one key, like two selections' shared retrain, are
    /// one node that ran once), with every cell that reads it.
    /// </summary>
    static IReadOnlyList<NodeUsage> Usage(
        IEnumerable<(GraphNode Node, IReadOnlyList<GridCell> Cells)> readers, NodeResults results,
        ComputeSettings compute) =>
        readers.Select(r => (Result: results.Get(r.Node)!, r.Node, r.Cells))
            .GroupBy(r => (r.Result.Stage, r.Result.Key))
            .Select(g => new NodeUsage(g.First().Node.Id, g.Key.Stage, g.First().Result.Seconds,
                g.First().Result.CpuSeconds, compute.Threads, compute.Device,
                g.SelectMany(x => x.Cells).Distinct().ToList()))
            .ToList();
}
