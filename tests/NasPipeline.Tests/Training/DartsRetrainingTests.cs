using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Evaluation;
using NasPipeline.Manifest;
using NasPipeline.Stages;
using NasPipeline.Tests.Checkpoints;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Training;

/// <summary>
/// Retraining with DARTS's whole evaluation recipe (auxiliary loss, drop path, cutout) repeats for a seed and
/// resumes exactly: its draws are all seeded from (seed, epoch, step), nothing from the global generator's state.
/// </summary>
public sealed class DartsRetrainingTests
{
    const int Seed = 2;
    static readonly RetrainSection Recipe = DartsRetrainKit.Section(auxiliary: 0.4, dropPath: 0.2, cutout: 8);
    static readonly Lazy<Outcome> Uninterrupted = new(() => Train(Recipe, null, new StopAt()));

    sealed record Outcome(List<EpochMetrics> Epochs, Dictionary<string, byte[]> Weights, double TestAccuracy);

    static Outcome Train(RetrainSection section, string? work, StopAt progress, bool? head = null)
    {
        var data = DartsRetrainKit.Data;
        manual_seed(Seed); // as the stage does before building the network
        using var network = DartsRetrainKit.Network(auxiliary: head ?? section.AuxiliaryWeight > 0);
        var epochs = DiscreteNetworkTraining.Run(network, section, data.Train, data.Normalization,
            RetrainStage.Augmentation(data.Augmentation, section.Cutout), Seed, progress, "r", work, progress.Signal);
        var (_, accuracy) = Accuracy.Of(network, data.Test, data.Normalization);
        return new Outcome(epochs.Select(m => m with { Seconds = 0, RssBytes = 0 }).ToList(), TensorBytes.Of(network),
            accuracy);
    }

    static void AssertSame(Outcome expected, Outcome actual)
    {
        Assert.That(actual.Epochs, Is.EqualTo(expected.Epochs), "epoch metrics");
        foreach (var (name, bytes) in expected.Weights) Assert.That(actual.Weights[name], Is.EqualTo(bytes), name);
        Assert.That(actual.TestAccuracy, Is.EqualTo(expected.TestAccuracy), "test accuracy");
    }

    [Test]
    public void Run_SameSeed_RepeatsBitForBit()
    {
        // Whatever the global generator did in between: the masks and squares do not draw from it.
        manual_seed(99);
        randn(10).Dispose();
        AssertSame(Uninterrupted.Value, Train(Recipe, null, new StopAt()));
    }

    [TestCase(0.4, true)]
    [TestCase(0, false)]
    public void Run_TrainsTheAuxiliaryHead_OnlyWithAWeight(double weight, bool trained)
    {
        manual_seed(Seed);
        using var network = DartsRetrainKit.Network(auxiliary: true);
        var head = network.named_parameters().Where(p => p.name.StartsWith("auxiliaryHead.", StringComparison.Ordinal))
            .ToDictionary(p => p.name, p => p.parameter.clone());
        var data = DartsRetrainKit.Data;
        DiscreteNetworkTraining.Run(network, DartsRetrainKit.Section(auxiliary: weight, epochs: 1), data.Train,
            data.Normalization, data.Augmentation, Seed, new StopAt(), "r");
        var changed = network.named_parameters().Where(p => head.ContainsKey(p.name))
            .Any(p => !p.parameter.equal(head[p.name]).all().item<bool>());
        Assert.That(changed, Is.EqualTo(trained));
    }

    [Test]
    public void Augmentation_AppendsCutoutToTheDataSets_OnlyWhenSet()
    {
        var cropFlip = Augmentations.Of("crop-flip");
        Assert.That(RetrainStage.Augmentation(cropFlip, 0), Is.SameAs(cropFlip));
        Assert.That(RetrainStage.Augmentation(NoAugmentation.Instance, 16), Is.TypeOf<Cutout>()
            .With.Property(nameof(Cutout.Length)).EqualTo(16));
        Assert.That(RetrainStage.Augmentation(cropFlip, 16), Is.TypeOf<AugmentationSequence>());
    }

    [Test]
    public void Resume_AfterStopMidEpoch_EqualsUninterruptedRun()
    {
        using var work = new TempDirectory();
        // After step 3 of 6: mid-epoch 2, whose paths drop with probability 0.2 · 1/3.
        Assert.Throws<NodeInterruptedException>(() => Train(Recipe, work.Path, new StopAt(3, null)));
        AssertSame(Uninterrupted.Value, Train(Recipe, work.Path, new StopAt()));
    }
}
