using NasPipeline.Artifacts;
using NasPipeline.Manifest;

namespace NasPipeline.Stages;

/// <summary>Gathers one (trainer, selector, seed) cell of the grid from its upstream nodes.</summary>
public sealed class EvaluateStage(
    PluginSpec trainer, PluginSpec selector, int seed,
    NodeResult<SupernetArtifact> supernet, NodeResult<SelectionArtifact> selection, NodeResult<RetrainArtifact> retrain)
    : IStage<EvaluationArtifact>
{
    public string Name => "evaluate";
    public int Version => 1;
    public string Label => $"evaluate {trainer.Id} × {selector.Id} seed={seed}";
    public object Inputs => new { trainer = trainer.Id, selector = selector.Id, seed, supernet = supernet.Key, selection = selection.Key, retrain = retrain.Key };

    public EvaluationArtifact Run(StageContext context) => new(
        trainer.Id, trainer.Method, selector.Id, selector.Method, seed, selection.Artifact.Genotype,
        retrain.Artifact.TestAccuracy, retrain.Artifact.Parameters, supernet.Seconds, selection.Seconds, retrain.Seconds,
        selection.Artifact.Notes);
}
