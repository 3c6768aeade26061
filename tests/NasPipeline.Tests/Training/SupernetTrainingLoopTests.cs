using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Tests.Trainers;
using NasPipeline.Trainers;
using NasPipeline.Training;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Tests.Training;

public sealed class SupernetTrainingLoopTests
{
    static NasPipeline.Training.ISupernetTrainer Darts() =>
        TrainerKit.Trainer("darts", "epochs = 4\nbatch_size = 16\nlr = 0.05\nalpha_lr = 3e-3");

    sealed class LiveTensors : IProgressSink
    {
        public List<long> PerEpoch { get; } = [];
        public void Step(string task, int epoch, int epochs, int step, int steps, double loss, TimeSpan eta) { }
        public void Epoch(string task, EpochMetrics metrics, int epochs, TimeSpan eta) =>
            PerEpoch.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Test]
    public void Run_KeepsLiveTensorCountFlatAcrossEpochs()
    {
        var data = TrainerKit.TinyData();
        manual_seed(0);
        using var net = new Nb201Supernet(4, 1, 1, 3);
        var live = new LiveTensors();
        SupernetTrainingLoop.Run(net, Darts(), data, 0, live, "t");
        Assert.That(live.PerEpoch.Skip(1), Is.All.EqualTo(live.PerEpoch[0]), string.Join(", ", live.PerEpoch));
    }

    [Test]
    public void Run_SameSeed_SameAlphaHistory()
    {
        var data = TrainerKit.TinyData();
        double[][] Train()
        {
            manual_seed(5);
            using var net = new Nb201Supernet(4, 1, 1, 3);
            return SupernetTrainingLoop.Run(net, Darts(), data, 5, NullProgress.Instance, "t").AlphaHistory[^1];
        }
        Assert.That(Train(), Is.EqualTo(Train()));
    }

    /// <summary>Records the strides of every batch the trainer is handed; otherwise the trainer it wraps.</summary>
    sealed class Strides(ISupernetTrainer inner) : ISupernetTrainer
    {
        public List<long[]> Seen { get; } = [];
        public SupernetTrainingOptions Training => inner.Training;
        public void Attach(ISupernet supernet) => inner.Attach(supernet);
        public void UpdateArchitecture(ISupernet net, SearchBatch batch, TrainingStep step, RunningMean mean)
        {
            Seen.Add(batch.Alpha.Images.stride());
            inner.UpdateArchitecture(net, batch, step, mean);
        }
        public Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step)
        {
            Seen.Add(batch.Images.stride());
            return inner.WeightStepMixing(supernet, batch, step);
        }
        public IReadOnlyList<Tensor> SelectionWeights(ISupernet supernet) => inner.SelectionWeights(supernet);
        public Mixing EvaluationMixing(ISupernet supernet, Generator generator) =>
            inner.EvaluationMixing(supernet, generator);
    }

    [Test]
    public void Run_HandsTheSupernetChannelsLastBatches()
    {
        var data = TrainerKit.TinyData(); // 1×8×8 images: NCHW strides (64, 64, 8, 1), NHWC (64, 1, 8, 1)
        manual_seed(0);
        using var net = new Nb201Supernet(4, 1, 1, 3);
        var spy = new Strides(TrainerKit.Trainer("darts", "epochs = 1\nbatch_size = 16"));
        SupernetTrainingLoop.Run(net, spy, data, 0, NullProgress.Instance, "t");
        Assert.That(spy.Seen, Is.Not.Empty);
        Assert.That(spy.Seen, Is.All.EqualTo(new long[] { 64, 1, 8, 1 }));
    }
}
