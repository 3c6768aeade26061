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
/// DARTS-PT stopped (during tuning, at a tuning epoch end, right after an edge decision, or just before an edge is
/// scored) and resumed with a freshly loaded supernet must pick the same cell and leave the supernet (weights, α,
/// BN statistics) bit for bit as an uninterrupted selection does, with the same tuning losses. 2 tuning epochs of
/// 3 steps after each of the first 4 decisions, 1 after the fifth.
/// </summary>
public sealed class PerturbationResumeTests
{
    static readonly SearchData Data = TrainerKit.TinyData();
    static readonly SupernetTrainingOptions Training = new(1, 16, 0.05, 0.001, 0.9, true, 5e-4, 5);
    static readonly NasPipeline.Trainers.AlphaOptions Alpha = new(3e-2, 0.5, 0.999, 1e-3);
    static readonly Dictionary<bool, Outcome> Uninterrupted = [];

    sealed record Outcome(string Genotype, Dictionary<string, byte[]> Supernet, List<EpochMetrics> Tuning);

    static Outcome Select(bool alphaLearned, string? work, StopAt progress)
    {
        var keys = "criterion = \"loss\"\ntune_epochs_between = 2\nbatch_size = 48";
        var options = PerturbationOptions.Read(TomlDocument.Parse(keys, "t").Root);
        Nb201Supernet Trained()
        {
            // Stands in for the trained supernet a node loads: the same weights and α every time it is built.
            manual_seed(11);
            var supernet = new Nb201Supernet(4, 1, 1, 3);
            using (no_grad()) supernet.Alpha.normal_(0, 1);
            return supernet;
        }
        manual_seed(0); // SelectStage seeds the node
        var mixing = Enumerable.Range(0, 6)
            .Select(e => Enumerable.Range(0, 5).Select(k => (k + e) % 5 / 10.0).ToArray()).ToArray();
        NasPipeline.Training.ISupernetTrainer trainer = alphaLearned
            ? new NasPipeline.Trainers.Darts.DartsTrainer(new(Training, Alpha))
            : new KeepAlphaTrainer(Training);
        using var context = new SelectionContext(mixing, 0, Trained, () => Data, trainer: trainer,
            workDirectory: work, stop: progress.Signal, progress: progress, task: "pt");
        var genotype = new PerturbationSelector(options).Select(context).Genotype.ToString();
        return new Outcome(genotype, TensorBytes.Of(context.Supernet.Module), progress.Epochs);
    }

    static Outcome Reference(bool alphaLearned)
    {
        if (!Uninterrupted.TryGetValue(alphaLearned, out var outcome))
            Uninterrupted[alphaLearned] = outcome = Select(alphaLearned, null, new StopAt());
        return outcome;
    }

    static void AssertResumesExactly(bool alphaLearned, StopAt stop, string note)
    {
        using var work = new TempDirectory();
        Assert.Throws<NodeInterruptedException>(() => Select(alphaLearned, work.Path, stop));
        var resumed = new StopAt();
        var outcome = Select(alphaLearned, work.Path, resumed);
        var expected = Reference(alphaLearned);
        Assert.That(outcome.Genotype, Is.EqualTo(expected.Genotype));
        Assert.That(stop.Epochs.Concat(outcome.Tuning), Is.EqualTo(expected.Tuning), "tuning epochs, each once");
        foreach (var (name, bytes) in expected.Supernet) Assert.That(outcome.Supernet[name], Is.EqualTo(bytes), name);
        Assert.That(resumed.Notes, Is.EqualTo(new[] { note }));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Resume_AfterStopDuringTuning_EqualsUninterruptedSelection(bool alphaLearned) =>
        AssertResumesExactly(alphaLearned, new StopAt(steps: 8),
            "resuming pt after 2 of 6 edge decisions, tuning epoch 1/2");

    [Test]
    public void Resume_AfterStopAtATuningEpochEnd_EqualsUninterruptedSelection() =>
        AssertResumesExactly(true, new StopAt(epochs: 3), "resuming pt after 2 of 6 edge decisions, tuning epoch 2/2");

    [TestCase(true)]
    [TestCase(false)]
    public void Resume_AfterStopRightAfterADecision_EqualsUninterruptedSelection(bool alphaLearned) =>
        AssertResumesExactly(alphaLearned, new StopAt(items: 3),
            "resuming pt after 3 of 6 edge decisions, tuning epoch 1/2");

    [Test]
    public void Resume_AfterStopBeforeTheNextEdgeIsScored_EqualsUninterruptedSelection() =>
        AssertResumesExactly(true, new StopAt(epochs: 4), "resuming pt after 2 of 6 edge decisions, tuning done");

    [Test]
    public void Select_WithAnEmptyWorkFolder_EqualsSelectionWithout()
    {
        using var work = new TempDirectory();
        var outcome = Select(false, work.Path, new StopAt());
        Assert.That(outcome.Genotype, Is.EqualTo(Reference(false).Genotype));
        foreach (var (name, bytes) in Reference(false).Supernet)
            Assert.That(outcome.Supernet[name], Is.EqualTo(bytes), name);
    }
}
