using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.Selectors;
using NasPipeline.Selectors.Perturbation;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Tests.Checkpoints;
using NasPipeline.Tests.Trainers;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Selectors.Perturbation;

/// <summary>
/// DARTS-PT's tuning between decisions trains on the search data's augmented batches, as darts-pt's tuning reads
/// its train_queue/valid_queue of the train transform; a stop during tuning resumes bit for bit.
/// </summary>
public sealed class PerturbationAugmentTests
{
    static readonly SearchData Plain = TrainerKit.TinyData();
    static readonly SearchData Augmented = Plain with { Augmentation = Augmentations.Of("crop-flip") };
    static readonly SupernetTrainingOptions Training = new(1, 16, 0.05, 0.001, 0.9, true, 5e-4, 5);
    static readonly NasPipeline.Trainers.AlphaOptions Alpha = new(3e-2, 0.5, 0.999, 1e-3);
    static readonly Lazy<Outcome> Uninterrupted = new(() => Select(Augmented, null, new StopAt()));

    sealed record Outcome(string Genotype, Dictionary<string, byte[]> Supernet, List<EpochMetrics> Tuning);

    static Outcome Select(SearchData data, string? work, StopAt progress)
    {
        var keys = "criterion = \"loss\"\ntune_epochs_between = 2\nbatch_size = 48";
        var options = PerturbationOptions.Read(TomlDocument.Parse(keys, "t").Root);
        Nb201Supernet Trained()
        {
            manual_seed(11);
            var supernet = new Nb201Supernet(4, 1, 1, 3);
            using (no_grad()) supernet.Alpha.normal_(0, 1);
            return supernet;
        }
        manual_seed(0);
        var mixing = Enumerable.Range(0, 6)
            .Select(e => Enumerable.Range(0, 5).Select(k => (k + e) % 5 / 10.0).ToArray()).ToArray();
        using var context = new SelectionContext(mixing, 0, Trained, () => data,
            trainer: new NasPipeline.Trainers.Darts.DartsTrainer(new(Training, Alpha)), workDirectory: work,
            stop: progress.Signal, progress: progress, task: "pt");
        var genotype = new PerturbationSelector(options).Select(context).Genotype.ToString();
        return new Outcome(genotype, TensorBytes.Of(context.Supernet.Module), progress.Epochs);
    }

    static List<EpochMetrics> Comparable(IEnumerable<EpochMetrics> epochs) =>
        epochs.Select(m => m with { Seconds = 0, RssBytes = 0 }).ToList();

    [Test]
    public void Tuning_WithCropFlip_TrainsOnAugmentedBatches()
    {
        var plain = Select(Plain, null, new StopAt());
        Assert.That(Comparable(Uninterrupted.Value.Tuning).Select(m => m.TrainLoss),
            Is.Not.EqualTo(Comparable(plain.Tuning).Select(m => m.TrainLoss)));
    }

    [Test]
    public void Resume_WithCropFlip_AfterStopDuringTuning_EqualsUninterruptedSelection()
    {
        using var work = new TempDirectory();
        var stop = new StopAt(steps: 8);
        Assert.Throws<NodeInterruptedException>(() => Select(Augmented, work.Path, stop));
        var outcome = Select(Augmented, work.Path, new StopAt());
        var expected = Uninterrupted.Value;
        Assert.That(outcome.Genotype, Is.EqualTo(expected.Genotype));
        Assert.That(Comparable(stop.Epochs.Concat(outcome.Tuning)), Is.EqualTo(Comparable(expected.Tuning)));
        foreach (var (name, bytes) in expected.Supernet) Assert.That(outcome.Supernet[name], Is.EqualTo(bytes), name);
    }
}
