using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Evaluation;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Tests.Checkpoints;
using NasPipeline.Tests.Trainers;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Training;

/// <summary>
/// Retraining stopped and resumed in a fresh network must end exactly where an uninterrupted run ends: metrics,
/// weights and BN statistics bit for bit, test accuracy. Tiny data: 96 images in batches of 16, 6 steps per epoch.
/// </summary>
public sealed class DiscreteNetworkTrainingResumeTests
{
    const int Seed = 4;
    const string Cell = "|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|nor_conv_1x1~0|none~1|nor_conv_3x3~2|";
    static readonly SearchData Data = TrainerKit.TinyData();
    static readonly RetrainSection Section = new(3, 16, 0.05, 0, 0.9, true, 5e-4, 5, 0, 4, 1);
    static readonly Lazy<Outcome> Uninterrupted = new(() => Train(null, new StopAt()));

    sealed record Outcome(List<EpochMetrics> Epochs, Dictionary<string, byte[]> Weights, double TestAccuracy);

    static Outcome Train(string? work, StopAt progress, IAugmentation? augmentation = null)
    {
        manual_seed(Seed); // as the stage does before building the network
        using var network = new DiscreteNetwork(Genotype.Parse(Cell), 4, 1, 1, 3);
        var epochs = DiscreteNetworkTraining.Run(network, Section, Data.Train, Data.Normalization,
            augmentation ?? Data.Augmentation, Seed, progress, "r", work, progress.Signal);
        var (_, accuracy) = Accuracy.Of(network, Data.Test, Data.Normalization);
        var comparable = epochs.Select(m => m with { Seconds = 0, RssBytes = 0 }).ToList();
        return new Outcome(comparable, TensorBytes.Of(network), accuracy);
    }

    static void AssertSame(Outcome expected, Outcome actual)
    {
        Assert.That(actual.Epochs, Is.EqualTo(expected.Epochs), "epoch metrics");
        Assert.That(actual.Weights.Keys, Is.EquivalentTo(expected.Weights.Keys));
        foreach (var (name, bytes) in expected.Weights) Assert.That(actual.Weights[name], Is.EqualTo(bytes), name);
        Assert.That(actual.TestAccuracy, Is.EqualTo(expected.TestAccuracy), "test accuracy");
    }

    [TestCase(8, null, "resuming r from epoch 2/3, step 3/6")]
    [TestCase(null, 1, "resuming r from epoch 2/3")]
    public void Resume_AfterStop_EqualsUninterruptedRun(int? steps, int? epochs, string note)
    {
        using var work = new TempDirectory();
        Assert.Throws<NodeInterruptedException>(() => Train(work.Path, new StopAt(steps, epochs)));
        var resumed = new StopAt();
        AssertSame(Uninterrupted.Value, Train(work.Path, resumed));
        Assert.That(resumed.Notes, Is.EqualTo(new[] { note }));
    }

    [Test]
    public void Resume_WithCropFlip_AfterStopMidEpoch_EqualsUninterruptedRun()
    {
        var cropFlip = Augmentations.Of("crop-flip");
        var expected = Train(null, new StopAt(), cropFlip);
        Assert.That(expected.Epochs, Is.Not.EqualTo(Uninterrupted.Value.Epochs), "retraining batches are augmented");
        using var work = new TempDirectory();
        Assert.Throws<NodeInterruptedException>(() => Train(work.Path, new StopAt(8, null), cropFlip));
        AssertSame(expected, Train(work.Path, new StopAt(), cropFlip));
    }

    [Test]
    public void Run_WithAnEmptyWorkFolder_EqualsRunWithout()
    {
        using var work = new TempDirectory();
        AssertSame(Uninterrupted.Value, Train(work.Path, new StopAt()));
    }
}
