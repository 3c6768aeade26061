using System.Text.Json;
using NasPipeline.Artifacts;
using NasPipeline.Caching;
using NasPipeline.Data;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces;
using NasPipeline.Trainers;
using NasPipeline.Training;

namespace NasPipeline.Stages;

/// <summary>Trains one supernet with one method and seed; writes weights, mixing-weight history and metrics.</summary>
public sealed class TrainSupernetStage(
    DatasetSection dataset, SearchSpaceSection space, PluginSpec trainer, int seed, ComputeSettings compute,
    Func<SearchData> data) : IStage<SupernetArtifact>
{
    public string Name => "train";
    public int Version => 6; // 2: validation under each method's semantics; 3: module names without Sequential;
    // 4: methods as their reference code (SDARTS clip, SNAS τ, darts-2nd momentum, DrNAS reg_type)
    // 5: fused cells, channels-last batches, avg_pool_3x3 as a depthwise convolution
    // 6: GDAS straight-through weights summed before they are added
    public string Label => $"train {trainer.Id} seed={seed}";
    public object Inputs => new { dataset, space, trainer.Method, trainer.Options, seed, compute };

    public SupernetArtifact Run(StageContext context)
    {
        var search = data();
        Determinism.Seed(seed);
        using var supernet = SearchSpaceCatalog.Get(space.Name)
            .CreateSupernet(new NetworkShape(space.Channels, space.Depth, search.Channels, search.Classes));
        var method = TrainerCatalog.Default.Create(trainer.Method, trainer.Options);
        var result = SupernetTrainingLoop.Run(supernet, method, search, seed, context.Progress, context.Label,
            context.WorkDirectory, context.Stop);

        var artifact = new SupernetArtifact(
            trainer.Method, space.Channels, space.Depth, search.Channels, search.Classes,
            "supernet.dat", "mixing-history.json", "metrics.csv", result.MixingHistory[^1], result.Epochs);
        supernet.Module.save(Path.Combine(context.Directory, artifact.WeightsFile));
        File.WriteAllText(Path.Combine(context.Directory, artifact.HistoryFile),
            JsonSerializer.Serialize(new { mixing = result.MixingHistory, alpha = result.AlphaHistory }));
        MetricsCsv.Write(Path.Combine(context.Directory, artifact.MetricsFile), result.Epochs);
        return artifact;
    }

    /// <summary>Rebuilds the trained supernet of <paramref name="space"/> from a node's files.</summary>
    public static ISupernet Load(ISearchSpace space, NodeResult<SupernetArtifact> node)
    {
        var a = node.Artifact;
        var supernet = space.CreateSupernet(new NetworkShape(a.Channels, a.Depth, a.InputChannels, a.Classes));
        supernet.Module.load(node.PathOf(a.WeightsFile));
        return supernet;
    }
}
