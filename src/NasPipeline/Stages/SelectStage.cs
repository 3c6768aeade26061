using NasPipeline.Artifacts;
using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.Selectors;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using NasPipeline.Training;

namespace NasPipeline.Stages;

/// <summary>Picks one architecture from one trained supernet with one selector.</summary>
public sealed class SelectStage(PluginSpec selector, PluginSpec trainer, NodeResult<SupernetArtifact> supernet, int seed, Func<SearchData> data)
    : IStage<SelectionArtifact>
{
    public string Name => "select";
    public int Version => 5; // 2: one tie note; 3: trainer options in context; 4: ties by weight; 5: pt tunes α
    public string Label => $"select {selector.Id} from {trainer.Id} seed={seed}";
    public object Inputs => new { selector.Method, selector.Options, supernet = supernet.Key, seed };

    public SelectionArtifact Run(StageContext context)
    {
        Determinism.Seed(seed);
        var method = SelectorCatalog.Default.Create(selector.Method, selector.Options);
        var artifact = supernet.Artifact;
        var trained = TrainerCatalog.Default.Create(trainer.Method, trainer.Options);
        using var selection = new SelectionContext(artifact.FinalMixingWeights, seed, () => TrainSupernetStage.Load(supernet), data,
            untrained: () =>
            {
                Determinism.Seed(seed);
                return new Nb201Supernet(artifact.Channels, artifact.CellsPerStage, artifact.InputChannels, artifact.Classes);
            },
            training: trained.Training, alpha: (trained as GradientAlphaTrainer)?.Alpha,
            workDirectory: context.WorkDirectory, stop: context.Stop, progress: context.Progress, task: context.Label);
        var result = method.Select(selection);
        return new SelectionArtifact(selector.Method, result.Genotype.ToString(), result.Notes);
    }
}
