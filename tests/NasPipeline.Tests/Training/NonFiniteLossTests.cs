using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Tests.Trainers;
using NasPipeline.Trainers;
using NasPipeline.Training;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Tests.Training;

/// <summary>
/// A NaN or infinite loss stops training at once with a message naming the task (trainer or genotype, and seed),
/// which loss, the epoch, the step and the learning rate; no checkpoint is written after it.
/// </summary>
public sealed class NonFiniteLossTests
{
    /// <summary>DARTS, except that at one (epoch, step) its weight step or its α batch is poisoned with NaN.</summary>
    sealed class Poisoned(ISupernetTrainer inner, int epoch, int step, bool alpha) : ISupernetTrainer
    {
        public SupernetTrainingOptions Training => inner.Training;
        public void Attach(ISupernet supernet) => inner.Attach(supernet);
        public void Detach() => inner.Detach();
        bool Here(TrainingStep at) => at.Epoch == epoch && at.Step == step;

        public void UpdateArchitecture(ISupernet net, SearchBatch batch, TrainingStep at, RunningMean mean) =>
            inner.UpdateArchitecture(net, alpha && Here(at)
                ? batch with { Alpha = new Batch(batch.Alpha.Images.mul(double.NaN), batch.Alpha.Labels) }
                : batch, at, mean);

        public Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep at)
        {
            var mixing = inner.WeightStepMixing(supernet, batch, at);
            return !alpha && Here(at)
                ? mixing.Map(c => c with { Weights = c.Weights.mul(double.PositiveInfinity) })
                : mixing;
        }

        public Mixing EvaluationMixing(ISupernet supernet, Generator generator) =>
            inner.EvaluationMixing(supernet, generator);
        public IReadOnlyList<Tensor> SelectionWeights(ISupernet supernet) => inner.SelectionWeights(supernet);
        public void SaveState(CheckpointWriter checkpoint) => inner.SaveState(checkpoint);
        public void LoadState(CheckpointReader checkpoint) => inner.LoadState(checkpoint);
    }

    sealed class Notes : IProgressSink
    {
        public List<string> Lines { get; } = [];
        public void Step(string task, int epoch, int epochs, int step, int steps, double loss, TimeSpan eta) { }
        public void Epoch(string task, EpochMetrics metrics, int epochs, TimeSpan eta) { }
        public void Note(string message) => Lines.Add(message);
    }

    static ISupernetTrainer Darts() => TrainerKit.Trainer("darts", "epochs = 3\nbatch_size = 16\nlr = 0.05");

    [Test]
    public void Supernet_WeightLossNotFinite_StopsNamingTaskEpochStepAndLr_KeepsEarlierCheckpoint()
    {
        using var work = new TempDirectory();
        using var supernet = TrainerKit.Supernet(1);
        var trainer = new Poisoned(Darts(), epoch: 1, step: 2, alpha: false);
        var e = Assert.Throws<NonFiniteLossException>(() => SupernetTrainingLoop.Run(supernet, trainer,
            TrainerKit.TinyData(), 1, NullProgress.Instance, "train darts seed=1", work.Path))!;
        // 48 weight-half images in batches of 16: 3 steps; epoch 2's cosine lr from 0.05 over 3 epochs.
        Assert.That(e.Message,
            Does.Match(@"^train darts seed=1: loss is (NaN|\+inf) at epoch 2/3 step 3/3 \(lr 0\.03\d*\)$"));
        // The checkpoint of epoch 1 stays (a rerun resumes there); nothing after the bad step was saved.
        var notes = new Notes();
        using var again = TrainerKit.Supernet(1);
        SupernetTrainingLoop.Run(again, Darts(), TrainerKit.TinyData(), 1, notes, "train darts seed=1", work.Path);
        Assert.That(notes.Lines, Is.EqualTo(new[] { "resuming train darts seed=1 from epoch 2/3" }));
    }

    [Test]
    public void Supernet_ArchitectureLossNaN_SaysItIsTheAlphaLoss()
    {
        using var supernet = TrainerKit.Supernet(1);
        var trainer = new Poisoned(Darts(), epoch: 0, step: 1, alpha: true);
        var e = Assert.Throws<NonFiniteLossException>(() => SupernetTrainingLoop.Run(supernet, trainer,
            TrainerKit.TinyData(), 0, NullProgress.Instance, "train darts seed=0"))!;
        Assert.That(e.Message,
            Does.StartWith("train darts seed=0: architecture (α) loss is NaN at epoch 1/3 step 2/3"));
    }

    static RetrainSection Retrain(double lr = 0.05) => new(2, 16, lr, 0, 0.9, true, 5e-4, 5, 0, 4, 1);

    [Test]
    public void Retrain_PoisonedBatches_StopAtTheFirstStep()
    {
        var data = TrainerKit.TinyData();
        manual_seed(0);
        using var network = new DiscreteNetwork(Genotype.Parse("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+" +
            "|skip_connect~0|none~1|avg_pool_3x3~2|"), 4, 1, 1, 3);
        var poisoned = new Normalization([float.NaN], [1f]);
        var e = Assert.Throws<NonFiniteLossException>(() => DiscreteNetworkTraining.Run(network, Retrain(), data.Train,
            poisoned, NoAugmentation.Instance, 0, NullProgress.Instance, "retrain g seed=0"))!;
        Assert.That(e.Message, Is.EqualTo("retrain g seed=0: loss is NaN at epoch 1/2 step 1/6 (lr 0.05)"));
    }

    [Test]
    public void ProjectedTuning_PoisonedBatches_StopNamingTheTask()
    {
        var data = TrainerKit.TinyData();
        using var supernet = TrainerKit.Supernet(2);
        using var tuning = new ProjectedTuning(supernet, TrainerKit.Trainer("darts"), 0.01);
        var poisoned = new Normalization([float.NaN], [1f]);
        var weights = new Batches(data.WeightHalf, poisoned, 16, shuffle: true, 0);
        var alphas = new Batches(data.AlphaHalf, data.Normalization, 16, shuffle: true, 1);
        var e = Assert.Throws<NonFiniteLossException>(() => tuning.Train(weights, alphas, 2,
            TuningPosition.Before(0, 0), task: "select pt from darts seed=0 (tuning after 1 edges)"))!;
        Assert.That(e.Message, Is.EqualTo(
            "select pt from darts seed=0 (tuning after 1 edges): loss is NaN at epoch 1/2 step 1/3 (lr 0.01)"));
    }
}
