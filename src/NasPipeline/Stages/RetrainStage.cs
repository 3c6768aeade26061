using NasPipeline.Artifacts;
using NasPipeline.Data;
using NasPipeline.Evaluation;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces;
using NasPipeline.Training;

namespace NasPipeline.Stages;

/// <summary>
/// Trains the selected architecture from scratch and tests it. Keyed by genotype, not by who selected it, so
/// two selectors that pick the same architecture share one retrain.
/// </summary>
public sealed class RetrainStage(
    ISearchSpace space, IGenotype genotype, RetrainSection retrain, DatasetSection dataset, int seed,
    ComputeSettings compute,
    Func<SearchData> data)
    : IStage<RetrainArtifact>
{
    /// <summary>The stage for a genotype string as a select node wrote it (the space's canonical string).</summary>
    public RetrainStage(
        ISearchSpace space, string genotype, RetrainSection retrain, DatasetSection dataset, int seed,
        ComputeSettings compute, Func<SearchData> data)
        : this(space, space.Parse(genotype), retrain, dataset, seed, compute, data) { }

    public string Name => "retrain";
    public int Version => 2; // 2: channels-last, pool as depthwise conv
    public string Label => $"retrain {space.Format(genotype)} seed={seed}";

    // The space is not a key input of its own: its canonical genotype string already differs between spaces, and
    // NB201's keys stay what they were before the seam.
    public object Inputs => new { genotype = space.Format(genotype), retrain, dataset, seed, compute };

    public RetrainArtifact Run(StageContext context)
    {
        var search = data();
        var train = TrainingImages(search, retrain.TrainSize, seed);
        Determinism.Seed(seed);
        using var network = space.CreateNetwork(genotype,
            new NetworkShape(retrain.Channels, retrain.Depth, search.Channels, search.Classes),
            new NetworkOptions(AuxiliaryHead: retrain.AuxiliaryWeight > 0));
        var epochs = DiscreteNetworkTraining.Run(network, retrain, train, search.Normalization,
            Augmentation(search.Augmentation, retrain.Cutout), seed, context.Progress, context.Label,
            context.WorkDirectory, context.Stop);
        var (loss, accuracy) = Accuracy.Of(network, search.Test, search.Normalization);
        var artifact = new RetrainArtifact(space.Format(genotype), accuracy * 100, loss, space.ParameterCount(network),
            search.Test.Count, "metrics.csv", epochs);
        MetricsCsv.Write(Path.Combine(context.Directory, artifact.MetricsFile), epochs);
        return artifact;
    }

    /// <summary>
    /// The data set's training augmentation, then cutout when [retrain] sets it: DARTS appends Cutout to its CIFAR
    /// train transform for the evaluation network only, never for the search.
    /// </summary>
    public static IAugmentation Augmentation(IAugmentation dataset, int cutout) =>
        cutout > 0 ? AugmentationSequence.Of(dataset, new Cutout(cutout)) : dataset;

    /// <summary>
    /// A seeded subset of the whole training set (both search halves), as final training uses all of it.
    /// </summary>
    static ImageSet TrainingImages(SearchData search, int size, int seed)
    {
        if (size <= 0 || size >= search.Train.Count) return search.Train;
        return search.Train.Subset(Permutation.Seeded(search.Train.Count, seed)[..size]);
    }
}
