using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using NasPipeline.Training;
using TorchSharp;

namespace NasPipeline.Tests.Trainers;

/// <summary>Properties every trainer must have, checked on each catalog entry.</summary>
public sealed class AllTrainersTests
{
    public static IEnumerable<string> Methods() => TrainerCatalog.Default.Names;

    static SupernetTrainingResult Train(string method, int seed)
    {
        var data = TrainerKit.TinyData();
        using var net = TrainerKit.Supernet(seed);
        return SupernetTrainingLoop.Run(net, TrainerKit.Trainer(method,
            "epochs = 2\nbatch_size = 24\nattack_steps = 2"), data, seed, NullProgress.Instance, method);
    }

    [TestCaseSource(nameof(Methods))]
    public void Train_SameSeed_SameNumbers(string method)
    {
        var a = Train(method, 3);
        var b = Train(method, 3);
        Assert.That(b.AlphaHistory, Is.EqualTo(a.AlphaHistory));
        Assert.That(b.Epochs.Select(e => (e.TrainLoss, e.ValidAccuracy)),
            Is.EqualTo(a.Epochs.Select(e => (e.TrainLoss, e.ValidAccuracy))));
    }

    [TestCaseSource(nameof(Methods))]
    public void Train_WritesSelectionWeightsOnTheSimplex_AndValidation(string method)
    {
        var result = Train(method, 1);
        Assert.That(result.MixingHistory[^1].SelectMany(edge => edge), Is.All.GreaterThanOrEqualTo(0));
        Assert.That(result.MixingHistory[^1].Select(edge => edge.Sum()), Is.All.EqualTo(1).Within(1e-6));
        Assert.That(result.Epochs.Select(e => e.ValidAccuracy), Is.All.InRange(0.0, 1.0));
    }

    /// <summary>
    /// At each epoch end, the live tensors less the weights with a gradient: SGD makes a weight's momentum buffer
    /// at its first gradient, which for GDAS and RSWS comes only once its op is sampled, at any epoch.
    /// </summary>
    sealed class LiveTensors(Nb201Supernet net) : IProgressSink
    {
        public List<long> PerEpoch { get; } = [];
        public void Step(string task, int epoch, int epochs, int step, int steps, double loss, TimeSpan eta) { }
        public void Epoch(string task, EpochMetrics metrics, int epochs, TimeSpan eta)
        {
            int buffers;
            using (torch.NewDisposeScope()) buffers = net.WeightParameters().Count(p => p.grad is not null);
            PerEpoch.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount - buffers);
        }
    }

    /// <summary>
    /// Steps, validation, selection weights and checkpoints leave nothing behind: apart from momentum buffers the
    /// live tensor count is the same at every epoch end, and after the run it is back where it was, the trainer's
    /// α optimiser freed too.
    /// </summary>
    [TestCaseSource(nameof(Methods))]
    public void Train_KeepsLiveTensorsFlat_AndLeavesNoneBehind(string method)
    {
        var data = TrainerKit.TinyData();
        var work = Path.Combine(Path.GetTempPath(), $"nas-live-{method}-{Guid.NewGuid():N}");
        try
        {
            using var net = TrainerKit.Supernet(2);
            var trainer = TrainerKit.Trainer(method, "epochs = 3\nbatch_size = 24\nattack_steps = 1\nvalid_size = 8");
            var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            var live = new LiveTensors(net);
            SupernetTrainingLoop.Run(net, trainer, data, 2, live, method, work);
            var after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            Assert.That(live.PerEpoch, Is.All.EqualTo(live.PerEpoch[0]), string.Join(", ", live.PerEpoch));
            Assert.That(after, Is.EqualTo(before));
        }
        finally { if (Directory.Exists(work)) Directory.Delete(work, recursive: true); }
    }
}
