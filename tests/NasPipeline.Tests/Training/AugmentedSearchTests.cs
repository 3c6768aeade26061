using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Tests.Trainers;
using NasPipeline.Trainers;
using NasPipeline.Training;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Tests.Training;

/// <summary>
/// With crop-flip the search loop augments both halves (as DARTS' and NAS-Bench-201's search loaders read the
/// train transform's data) and leaks no tensor per step.
/// </summary>
public sealed class AugmentedSearchTests
{
    const int Seed = 2;
    static readonly SearchData Data = TrainerKit.TinyData() with { Augmentation = Augmentations.Of("crop-flip") };

    /// <summary>Keeps a copy of the first step's two batches and otherwise is the trainer it wraps.</summary>
    sealed class FirstBatches(ISupernetTrainer inner) : ISupernetTrainer
    {
        public float[]? Weights { get; private set; }
        public float[]? Alpha { get; private set; }
        public SupernetTrainingOptions Training => inner.Training;
        public void Attach(ISupernet supernet) => inner.Attach(supernet);
        public void UpdateArchitecture(ISupernet net, SearchBatch batch, TrainingStep step, RunningMean mean)
        {
            Weights ??= batch.Weights.Images.data<float>().ToArray();
            Alpha ??= batch.Alpha.Images.data<float>().ToArray();
            inner.UpdateArchitecture(net, batch, step, mean);
        }
        public Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step) =>
            inner.WeightStepMixing(supernet, batch, step);
        public IReadOnlyList<Tensor> SelectionWeights(ISupernet supernet) => inner.SelectionWeights(supernet);
        public Mixing EvaluationMixing(ISupernet supernet, Generator generator) =>
            inner.EvaluationMixing(supernet, generator);
        public void SaveState(CheckpointWriter checkpoint) => inner.SaveState(checkpoint);
        public void LoadState(CheckpointReader checkpoint) => inner.LoadState(checkpoint);
    }

    static float[] First(ImageSet half, int seed, IAugmentation? augmentation)
    {
        var (images, labels) = new Batches(half, Data.Normalization, 16, shuffle: true, seed, augmentation).Epoch()
            .First();
        using (labels)
        using (images)
            return images.data<float>().ToArray();
    }

    [Test]
    public void Run_AugmentsTheWeightAndTheAlphaHalf()
    {
        manual_seed(Seed);
        using var supernet = new Nb201Supernet(4, 1, 1, 3);
        var spy = new FirstBatches(TrainerKit.Trainer("darts", "epochs = 1\nbatch_size = 16"));
        SupernetTrainingLoop.Run(supernet, spy, Data, Seed, NullProgress.Instance, "t");
        Assert.That(spy.Weights, Is.EqualTo(First(Data.WeightHalf, Seed, Data.Augmentation)));
        Assert.That(spy.Alpha, Is.EqualTo(First(Data.AlphaHalf, Seed + 7919, Data.Augmentation)));
        Assert.That(spy.Weights, Is.Not.EqualTo(First(Data.WeightHalf, Seed, null)), "augmented, not plain");
        Assert.That(spy.Alpha, Is.Not.EqualTo(First(Data.AlphaHalf, Seed + 7919, null)), "augmented, not plain");
    }

    sealed class LiveTensors : IProgressSink
    {
        public List<long> PerEpoch { get; } = [];
        public void Step(string task, int epoch, int epochs, int step, int steps, double loss, TimeSpan eta) { }
        public void Epoch(string task, EpochMetrics metrics, int epochs, TimeSpan eta) =>
            PerEpoch.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Test]
    public void Run_WithCropFlip_KeepsTheLiveTensorCountFlat()
    {
        manual_seed(Seed);
        using var supernet = new Nb201Supernet(4, 1, 1, 3);
        var live = new LiveTensors();
        SupernetTrainingLoop.Run(supernet, TrainerKit.Trainer("darts", "epochs = 3\nbatch_size = 16"), Data, Seed,
            live, "t");
        Assert.That(live.PerEpoch.Skip(1), Is.All.EqualTo(live.PerEpoch[0]), string.Join(", ", live.PerEpoch));
    }
}
