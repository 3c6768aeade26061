using NasPipeline.Artifacts;
using NasPipeline.Data;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Selectors;
using NasPipeline.SearchSpaces;
using NasPipeline.Trainers;
using NasPipeline.Training;

namespace NasPipeline.Stages;

/// <summary>
/// Picks one architecture with one selector: from one trained supernet, or, for a selector that never reads one
/// (<see cref="SelectionReads"/>), once per seed from the search space and data alone.
/// </summary>
public sealed class SelectStage(
    PluginSpec selector, (PluginSpec Trainer, NodeResult<SupernetArtifact> Node)? supernet, int seed,
    DatasetSection dataset, SearchSpaceSection space, ComputeSettings compute, Func<SearchData> data)
    : IStage<SelectionArtifact>
{
    readonly SelectionReads _reads = SelectorCatalog.Default.Create(selector.Method, selector.Options).Reads;

    public string Name => "select";
    public int Version => 8; // 2: one tie note; 3: trainer options in context; 4: ties by weight; 5: pt tunes α;
    // 6: pt, zc-pt, shared-weights and the zc proxies as their reference code
    // 7: fused cells, channels-last batches, avg_pool_3x3 as a depthwise convolution
    // 8: GDAS straight-through weights summed before they are added

    public string Label => supernet is { } s
        ? $"select {selector.Id} from {s.Trainer.Id} seed={seed}"
        : $"select {selector.Id} seed={seed}";

    // The supernet's key covers its data set; a selection without one is keyed by the data and space it reads.
    public object Inputs => new
    {
        selector.Method, selector.Options, supernet = supernet?.Node.Key, seed,
        dataset = supernet is null && _reads.HasFlag(SelectionReads.Data) ? dataset.Unaugmented() : null,
        space = supernet is null ? space : null,
        compute,
    };

    /// <summary>
    /// True when <paramref name="selector"/> reads a trained supernet, so the grid needs one node per trainer.
    /// </summary>
    public static bool ReadsSupernet(PluginSpec selector) =>
        SelectorCatalog.Default.Create(selector.Method, selector.Options).Reads.HasFlag(SelectionReads.Supernet);

    /// <summary>
    /// Why <paramref name="selector"/> cannot choose from supernets trained by <paramref name="trainer"/>, or null.
    /// </summary>
    public static string? NotApplicable(PluginSpec trainer, PluginSpec selector) =>
        SelectorCatalog.Default.Create(selector.Method, selector.Options)
            .NotApplicableTo(TrainerCatalog.Default.Create(trainer.Method, trainer.Options));

    public SelectionArtifact Run(StageContext context)
    {
        Determinism.Seed(seed);
        var method = SelectorCatalog.Default.Create(selector.Method, selector.Options);
        var trained = supernet is { } s ? TrainerCatalog.Default.Create(s.Trainer.Method, s.Trainer.Options) : null;
        var searchSpace = SearchSpaceCatalog.Get(space.Name);
        using var selection = new SelectionContext(supernet?.Node.Artifact.FinalMixingWeights, seed,
            () => TrainSupernetStage.Load(searchSpace,
                supernet?.Node ?? throw new InvalidOperationException("no trained supernet")),
            data,
            untrained: () => searchSpace.CreateSupernet(supernet?.Node.Artifact is { } a
                ? new NetworkShape(a.Channels, a.Depth, a.InputChannels, a.Classes)
                : new NetworkShape(space.Channels, space.Depth, data().Channels, data().Classes)),
            trainer: trained,
            workDirectory: context.WorkDirectory, stop: context.Stop, progress: context.Progress, task: context.Label,
            space: searchSpace);
        var result = method.Select(selection);
        return new SelectionArtifact(selector.Method, searchSpace.Format(result.Genotype), result.Notes);
    }
}
