using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.Supernet;
using NasPipeline.Trainers.Darts;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Trainers.Darts;

public sealed class DartsTrainerTests
{
    static readonly SupernetTrainingOptions Loop = new(2, 16, 0.05, 0.001, 0.9, true, 5e-4, 5);
    static readonly DartsOptions Options = new(Loop, 3e-3, 0.5, 0.999, 1e-3);

    internal static SearchData TinyData(int seed = 1)
    {
        var synthetic = new SyntheticOptions(8, 1, 3, 96, 32, 0.3);
        var (train, test) = SyntheticData.Generate(synthetic, seed);
        return SearchData.Split(train, test, new DatasetSection("synthetic", null, 0, 0, 0, seed, synthetic));
    }

    [Test]
    public void UpdateArchitecture_MovesAlpha_OnlyAlpha()
    {
        manual_seed(0);
        using var net = new Nb201Supernet(4, 1, 1, 3);
        var trainer = new DartsTrainer(Options);
        trainer.Attach(net);
        var before = net.Alpha.detach().clone();
        var weightsBefore = net.WeightParameters().Select(p => p.detach().clone()).ToList();
        using var x = randn(8, 1, 8, 8);
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 1 });
        trainer.UpdateArchitecture(net, x, y, new NasPipeline.Trainers.TrainingStep(0, 1, 0, 1, 0.05), new RunningMean());
        Assert.That(net.Alpha.allclose(before), Is.False);
        Assert.That(net.WeightParameters().Zip(weightsBefore).All(p => p.First.eq(p.Second).all().item<bool>()), Is.True);
    }

    [Test]
    public void WeightStepMixing_IsSoftmaxOfAlpha_Detached()
    {
        using var net = new Nb201Supernet(4, 1, 1, 3);
        using var mixing = new DartsTrainer(Options).WeightStepMixing(net, default);
        Assert.That(mixing.requires_grad, Is.False);
        Assert.That(mixing.sum(1).allclose(ones(6)), Is.True);
    }

    [Test]
    public void TrainingLoop_LearnsSyntheticData_AndRecordsEachEpoch()
    {
        var data = TinyData();
        manual_seed(0);
        using var net = new Nb201Supernet(4, 1, 1, 3);
        var result = SupernetTrainingLoop.Run(net, new DartsTrainer(Options with { Training = Loop with { Epochs = 4 } }), data, 0, NullProgress.Instance, "t");
        Assert.That(result.Epochs, Has.Count.EqualTo(4));
        Assert.That(result.MixingHistory, Has.Count.EqualTo(4));
        Assert.That(result.Epochs[^1].TrainLoss, Is.LessThan(result.Epochs[0].TrainLoss));
        Assert.That(result.Epochs.Select(e => e.LearningRate), Is.Ordered.Descending);
        Assert.That(result.MixingHistory[^1].Select(edge => edge.Sum()), Is.All.EqualTo(1).Within(1e-6));
    }
}
