using NasPipeline.Supernet;
using NasPipeline.Tests.Trainers.Darts;
using NasPipeline.Trainers.Darts;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Training;

public sealed class SupernetTrainingLoopTests
{
    static readonly DartsOptions Options = new(new SupernetTrainingOptions(4, 16, 0.05, 0.001, 0.9, true, 5e-4, 5), 3e-3, 0.5, 0.999, 1e-3);

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
        var data = DartsTrainerTests.TinyData();
        manual_seed(0);
        using var net = new Nb201Supernet(4, 1, 1, 3);
        var live = new LiveTensors();
        SupernetTrainingLoop.Run(net, new DartsTrainer(Options), data, 0, live, "t");
        Assert.That(live.PerEpoch.Skip(1), Is.All.EqualTo(live.PerEpoch[0]), string.Join(", ", live.PerEpoch));
    }

    [Test]
    public void Run_SameSeed_SameAlphaHistory()
    {
        var data = DartsTrainerTests.TinyData();
        double[][] Train()
        {
            manual_seed(5);
            using var net = new Nb201Supernet(4, 1, 1, 3);
            return SupernetTrainingLoop.Run(net, new DartsTrainer(Options), data, 5, NullProgress.Instance, "t").AlphaHistory[^1];
        }
        Assert.That(Train(), Is.EqualTo(Train()));
    }
}
