using NasPipeline.Artifacts;
using NasPipeline.Benchmarks;
using NasPipeline.Caching;
using NasPipeline.Data;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Reporting;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Training;

namespace NasPipeline.Stages;

/// <summary>What a run produced: the grid's evaluations and, when the report ran, where it was published.</summary>
public sealed record PipelineOutcome(IReadOnlyList<EvaluationArtifact> Evaluations, string? ReportDirectory);

/// <summary>
/// The study graph for one manifest: train supernet (trainer × seed) → select (× selector) → retrain (per distinct
/// genotype, when the retrain evaluator is on) → evaluate (retrain and/or NAS-Bench-201 lookup) → report, plus
/// one proxy-study node per proxy when the manifest has a [proxy_study]. Every node goes through the
/// <see cref="StageRunner"/>, so reruns only build what changed.
/// </summary>
public sealed class ExperimentPipeline
{
    readonly ExperimentManifest _m;
    readonly StageRunner _runner;
    readonly string _templates;
    readonly Lazy<SearchData> _data;
    readonly Lazy<Nb201Table> _table;

    public ExperimentPipeline(ExperimentManifest manifest, StageRunner runner, string templates)
    {
        _m = manifest;
        _runner = runner;
        _templates = templates;
        _data = new Lazy<SearchData>(() =>
        {
            runner.Log.Info($"loading {manifest.Dataset.Name} data");
            return SearchData.Load(manifest.Dataset);
        });
        _table = new Lazy<Nb201Table>(() =>
        {
            runner.Log.Info($"loading NAS-Bench-201 table {manifest.Benchmark.Table}");
            return Nb201Table.Load(manifest.Benchmark);
        });
    }

    SearchData Data() => _data.Value;
    Nb201Table Table() => _table.Value;

    public PipelineOutcome Run(PipelineTarget target)
    {
        Determinism.Threads(_m.Experiment.Threads);
        // A wrong table path should stop the run before hours of supernet training, not after.
        if (_m.Evaluation.Nb201 || _m.ProxyStudy is not null) Table();
        var (evaluations, supernets) = RunGrid(target);
        if (target < PipelineTarget.Evaluate) return new PipelineOutcome([], null);
        var proxies = RunProxyStudy();
        var results = evaluations.Select(e => e.Artifact).ToList();
        if (target == PipelineTarget.Evaluate) return new PipelineOutcome(results, null);

        var runs = supernets.Select(s => new ReportBuilder.SupernetRun(s.Key.Item1, s.Key.Item2, s.Value.Artifact, s.Value.Seconds)).ToList();
        var report = _runner.Run(new ReportStage(_m, evaluations, runs, proxies, _m.ProxyStudy is null ? null : Table, StageRunner.Versions, _templates));
        return new PipelineOutcome(results, Publish(report));
    }

    (List<NodeResult<EvaluationArtifact>>, Dictionary<(string, int), NodeResult<SupernetArtifact>>) RunGrid(PipelineTarget target)
    {
        var supernets = new Dictionary<(string, int), NodeResult<SupernetArtifact>>();
        foreach (var seed in _m.Experiment.Seeds)
            foreach (var trainer in _m.Trainers)
                supernets[(trainer.Id, seed)] = _runner.Run(TrainStage(trainer, seed));
        if (target == PipelineTarget.TrainSupernets) return ([], supernets);

        var selections = new List<(PluginSpec Trainer, PluginSpec Selector, int Seed, NodeResult<SelectionArtifact> Node)>();
        foreach (var seed in _m.Experiment.Seeds)
            foreach (var trainer in _m.Trainers)
                foreach (var selector in _m.Selectors)
                    selections.Add((trainer, selector, seed, _runner.Run(new SelectStage(selector, trainer, supernets[(trainer.Id, seed)], seed, Data))));
        if (target == PipelineTarget.Select) return ([], supernets);

        var retrains = selections.Select(s => _m.Evaluation.Retrain ? _runner.Run(RetrainStageFor(s.Node.Artifact, s.Seed)) : null).ToList();
        if (target == PipelineTarget.Retrain) return ([], supernets);

        var evaluations = selections.Select((s, i) => _runner.Run(new EvaluateStage(
            s.Trainer, s.Selector, s.Seed, supernets[(s.Trainer.Id, s.Seed)], s.Node, retrains[i],
            _m.Evaluation.Nb201 ? Table : null))).ToList();
        return (evaluations, supernets);
    }

    List<NodeResult<ProxyScoresArtifact>> RunProxyStudy() =>
        _m.ProxyStudy is { } study ? study.Proxies.Select(p => _runner.Run(ProxyStage(p, study))).ToList() : [];

    ProxyScoreStage ProxyStage(string proxy, ProxyStudySection study) => new(proxy, study, _m.Dataset, Table, Data);

    /// <summary>Every node the run would visit, in order, with whether it is cached, would run, or waits on an upstream result.</summary>
    public IReadOnlyList<PlanRow> Plan()
    {
        var rows = new List<PlanRow>();
        foreach (var seed in _m.Experiment.Seeds)
            foreach (var trainer in _m.Trainers)
            {
                var train = TrainStage(trainer, seed);
                var supernet = _runner.TryLoad(train);
                rows.Add(PlanRow.For(train, _runner.KeyOf(train), supernet is not null));
                foreach (var selector in _m.Selectors)
                {
                    if (supernet is null)
                    {
                        rows.Add(PlanRow.Pending("select", $"select {selector.Id} from {trainer.Id} seed={seed}"));
                        if (_m.Evaluation.Retrain) rows.Add(PlanRow.Pending("retrain", $"retrain (architecture from {selector.Id}) seed={seed}"));
                        continue;
                    }
                    var select = new SelectStage(selector, trainer, supernet, seed, Data);
                    var selection = _runner.TryLoad(select);
                    rows.Add(PlanRow.For(select, _runner.KeyOf(select), selection is not null));
                    if (selection is null)
                    {
                        if (_m.Evaluation.Retrain) rows.Add(PlanRow.Pending("retrain", $"retrain (architecture from {selector.Id}) seed={seed}"));
                        continue;
                    }
                    if (!_m.Evaluation.Retrain) continue;
                    var retrain = RetrainStageFor(selection.Artifact, seed);
                    rows.Add(PlanRow.For(retrain, _runner.KeyOf(retrain), _runner.IsCached(retrain)));
                }
            }
        if (_m.HasGrid)
            rows.Add(PlanRow.Pending("evaluate", $"evaluate {_m.Trainers.Count * _m.Selectors.Count * _m.Experiment.Seeds.Count} grid cells ({string.Join(", ", _m.Evaluation.Evaluators)})"));
        if (_m.ProxyStudy is { } study)
            foreach (var proxy in study.Proxies)
            {
                var stage = ProxyStage(proxy, study);
                rows.Add(PlanRow.For(stage, _runner.KeyOf(stage), _runner.IsCached(stage)));
            }
        rows.Add(PlanRow.Pending("report", $"report {_m.Experiment.Name}"));
        return rows;
    }

    TrainSupernetStage TrainStage(PluginSpec trainer, int seed) => new(_m.Dataset, _m.SearchSpace, trainer, seed, Data);

    RetrainStage RetrainStageFor(SelectionArtifact selection, int seed) =>
        new(Genotype.Parse(selection.Genotype), _m.Retrain, _m.Dataset, seed, Data);

    string Publish(NodeResult<ReportArtifact> report)
    {
        var output = Path.Combine(_m.Report.OutputDirectory, _m.Experiment.Name);
        foreach (var file in report.Artifact.Files) AtomicFile.Copy(report.PathOf(file), Path.Combine(output, file));
        _runner.Log.Info($"report published to {Path.GetFullPath(output)}");
        return output;
    }
}
