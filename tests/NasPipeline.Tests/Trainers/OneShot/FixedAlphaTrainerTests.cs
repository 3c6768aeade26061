using NasPipeline.Training;

namespace NasPipeline.Tests.Trainers.OneShot;

public sealed class FixedAlphaTrainerTests
{
    [TestCase("oneshot")]
    [TestCase("rsws")]
    public void Training_LeavesAlphaUniformAndUnchanged(string method)
    {
        var data = TrainerKit.TinyData();
        using var net = TrainerKit.Supernet();
        var result = SupernetTrainingLoop.Run(net, TrainerKit.Trainer(method), data, 0, NullProgress.Instance, method);
        Assert.That(result.AlphaHistory.SelectMany(a => a).SelectMany(e => e), Is.All.EqualTo(0));
        Assert.That(result.MixingHistory[^1].SelectMany(e => e), Is.All.EqualTo(0.2).Within(1e-7));
        Assert.That(result.Epochs.Select(e => e.ArchitectureLoss), Is.All.Null);
    }
}
