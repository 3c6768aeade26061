using NasPipeline.Trainers;
using NasPipeline.Training;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Tests.Trainers.Darts;

public sealed class DartsTrainerTests
{
    [Test]
    public void UpdateArchitecture_MovesAlpha_OnlyAlpha()
    {
        using var net = TrainerKit.Supernet();
        var trainer = TrainerKit.Trainer("darts", "alpha_lr = 3e-3");
        trainer.Attach(net);
        var before = net.Alpha.detach().clone();
        var weightsBefore = net.WeightParameters().Select(p => p.detach().clone()).ToList();
        trainer.UpdateArchitecture(net, TrainerKit.RandomSearchBatch(),
            new TrainingStep(0, 1, 0, 1, 0.05), new RunningMean());
        Assert.That(net.Alpha.allclose(before), Is.False);
        Assert.That(net.WeightParameters().Zip(weightsBefore)
            .All(p => p.First.eq(p.Second).all().item<bool>()), Is.True);
    }

    [Test]
    public void WeightStepMixing_IsSoftmaxOfAlpha_Detached()
    {
        using var net = TrainerKit.Supernet();
        var mixing = TrainerKit.Trainer("darts").WeightStepMixing(net, TrainerKit.RandomBatch(), default);
        Assert.That(mixing[0].Weights.requires_grad, Is.False);
        Assert.That(mixing[0].Active, Is.Null);
        Assert.That(mixing[0].Weights.allclose(nn.functional.softmax(net.Alpha, -1)), Is.True);
    }

    [Test]
    public void TrainingLoop_LearnsSyntheticData_AndRecordsEachEpoch()
    {
        var data = TrainerKit.TinyData();
        using var net = TrainerKit.Supernet();
        var trainer = TrainerKit.Trainer("darts", "epochs = 4\nbatch_size = 16\nlr = 0.05\nalpha_lr = 3e-3");
        var result = SupernetTrainingLoop.Run(net, trainer, data, 0, NullProgress.Instance, "t");
        Assert.That(result.Epochs, Has.Count.EqualTo(4));
        Assert.That(result.MixingHistory, Has.Count.EqualTo(4));
        Assert.That(result.Epochs[^1].TrainLoss, Is.LessThan(result.Epochs[0].TrainLoss));
        Assert.That(result.Epochs.Select(e => e.LearningRate), Is.Ordered.Descending);
        Assert.That(result.Epochs.Select(e => e.ValidAccuracy), Is.All.Not.Null);
        Assert.That(result.MixingHistory[^1].Select(edge => edge.Sum()), Is.All.EqualTo(1).Within(1e-6));
    }
}
