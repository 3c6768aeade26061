using NasPipeline.Trainers;
using NasPipeline.Training;

namespace NasPipeline.Tests.Trainers;

/// <summary>Properties every trainer must have, checked on each catalog entry.</summary>
public sealed class AllTrainersTests
{
    public static IEnumerable<string> Methods() => TrainerCatalog.Default.Names;

    static SupernetTrainingResult Train(string method, int seed)
    {
        var data = TrainerKit.TinyData();
        using var net = TrainerKit.Supernet(seed);
        return SupernetTrainingLoop.Run(net, TrainerKit.Trainer(method, "epochs = 2\nbatch_size = 24\nattack_steps = 2"), data, seed, NullProgress.Instance, method);
    }

    [TestCaseSource(nameof(Methods))]
    public void Train_SameSeed_SameNumbers(string method)
    {
        var a = Train(method, 3);
        var b = Train(method, 3);
        Assert.That(b.AlphaHistory, Is.EqualTo(a.AlphaHistory));
        Assert.That(b.Epochs.Select(e => (e.TrainLoss, e.ValidAccuracy)), Is.EqualTo(a.Epochs.Select(e => (e.TrainLoss, e.ValidAccuracy))));
    }

    [TestCaseSource(nameof(Methods))]
    public void Train_WritesSelectionWeightsOnTheSimplex_AndValidation(string method)
    {
        var result = Train(method, 1);
        Assert.That(result.MixingHistory[^1].SelectMany(edge => edge), Is.All.GreaterThanOrEqualTo(0));
        Assert.That(result.MixingHistory[^1].Select(edge => edge.Sum()), Is.All.EqualTo(1).Within(1e-6));
        Assert.That(result.Epochs.Select(e => e.ValidAccuracy), Is.All.InRange(0.0, 1.0));
    }
}
