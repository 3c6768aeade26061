using NasPipeline.Training;
using NasPipeline.Artifacts;
using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.Selectors;

namespace NasPipeline.Stages;

/// <summary>Picks one architecture from one trained supernet with one selector.</summary>
public sealed class SelectStage(PluginSpec selector, PluginSpec trainer, NodeResult<SupernetArtifact> supernet, int seed, Func<SearchData> data)
    : IStage<SelectionArtifact>
{
    public string Name => "select";
    public int Version => 2; // 2: one note per selection for tied weights
    public string Label => $"select {selector.Id} from {trainer.Id} seed={seed}";
    public object Inputs => new { selector.Method, selector.Options, supernet = supernet.Key, seed };

    public SelectionArtifact Run(StageContext context)
    {
        Determinism.Seed(seed);
        var method = SelectorCatalog.Default.Create(selector.Method, selector.Options);
        var result = method.Select(new SelectionContext(supernet.Artifact.FinalMixingWeights, seed,
            () => TrainSupernetStage.Load(supernet), data));
        return new SelectionArtifact(selector.Method, result.Genotype.ToString(), result.Notes);
    }
}
