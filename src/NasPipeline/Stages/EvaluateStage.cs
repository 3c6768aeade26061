using NasPipeline.Artifacts;
using NasPipeline.Benchmarks;
using NasPipeline.Graph;
using NasPipeline.Manifest;

namespace NasPipeline.Stages;

/// <summary>
/// Gathers one (trainer, selector, seed) cell of the grid: the retrain's test accuracy when the <c>retrain</c>
/// evaluator is on, and the selected genotype's NAS-Bench-201 numbers when <c>nb201</c> is on.
/// </summary>
public sealed class EvaluateStage(
    PluginSpec trainer, PluginSpec selector, int seed,
    NodeResult<SupernetArtifact> supernet, NodeResult<SelectionArtifact> selection,
    NodeResult<RetrainArtifact>? retrain,
    Func<Nb201Table>? benchmark)
    : IStage<EvaluationArtifact>
{
    public string Name => "evaluate";
    public int Version => 2; // 2: optional retrain, nb201 lookup
    public string Label => $"evaluate {trainer.Id} × {selector.Id} seed={seed}";

    public object Inputs => new
    {
        trainer = trainer.Id, selector = selector.Id, seed, supernet = supernet.Key, selection = selection.Key,
        retrain = retrain?.Key, benchmark = benchmark?.Invoke().Hash,
    };

    public EvaluationArtifact Run(StageContext context) => new(
        trainer.Id, trainer.Method, selector.Id, selector.Method, seed, selection.Artifact.Genotype,
        retrain?.Artifact.TestAccuracy, retrain?.Artifact.Parameters,
        benchmark?.Invoke().Evaluate(selection.Artifact.Genotype),
        supernet.Seconds, selection.Seconds, retrain?.Seconds ?? 0, selection.Artifact.Notes);
}
