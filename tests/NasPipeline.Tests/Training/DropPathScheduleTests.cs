using NasPipeline.SearchSpaces.Darts;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Training;

/// <summary>drop_path · epoch / epochs per epoch (DARTS's train.py), masks from seeded per-step generators.</summary>
public sealed class DropPathScheduleTests
{
    /// <summary>Records the network's drop-path probability at every step of a retraining run.</summary>
    sealed class Probabilities(NetworkCIFAR network) : IProgressSink
    {
        public List<(int Epoch, double Probability)> Seen { get; } = [];
        public void Step(string task, int epoch, int epochs, int step, int steps, double loss, TimeSpan eta) =>
            Seen.Add((epoch, network.DropPathProbability));
        public void Epoch(string task, EpochMetrics metrics, int epochs, TimeSpan eta) { }
    }

    [TestCase(0, 0.0)]
    [TestCase(300, 0.1)]
    [TestCase(599, 0.2 * 599 / 600)]
    public void Probability_RisesLinearlyFromZero_NeverReachingDropPath(int epoch, double expected) =>
        Assert.That(DropPathSchedule.Probability(0.2, epoch, 600), Is.EqualTo(expected).Within(1e-15));

    [Test]
    public void Retraining_SetsTheProbabilityAtEachEpochsStart()
    {
        manual_seed(1);
        using var network = DartsRetrainKit.Network(auxiliary: false);
        var sink = new Probabilities(network);
        var data = DartsRetrainKit.Data;
        DiscreteNetworkTraining.Run(network, DartsRetrainKit.Section(dropPath: 0.3, epochs: 3), data.Train,
            data.Normalization, data.Augmentation, 1, sink, "r");
        var perEpoch = sink.Seen.GroupBy(s => s.Epoch).Select(g => g.Select(s => s.Probability).Distinct().Single());
        Assert.That(perEpoch, Is.EqualTo(new[] { 0, 0.1, 0.2 }).Within(1e-12));
        Assert.That(network.DropPathGenerator, Is.Null, "the schedule's generator is gone with the run");
    }

    [Test]
    public void Step_SameSeedAndStep_DrawsTheSameMasks_OtherStepsOthers()
    {
        using var scope = NewDisposeScope();
        using var network = DartsRetrainKit.Network(auxiliary: false);
        network.train();
        var x = randn(8, 1, 24, 24);
        Tensor At(int seed, int epoch, int step)
        {
            using var schedule = DropPathSchedule.For(network, 0.5, seed)!;
            schedule.Epoch(1, 2); // 0.25
            schedule.Step(epoch, step);
            return network.forward(x);
        }
        var first = At(3, 1, 2);
        Assert.That(At(3, 1, 2).equal(first).all().item<bool>(), Is.True, "same seed, same step: same masks");
        Assert.That(At(3, 1, 3).allclose(first), Is.False, "another step");
        Assert.That(At(3, 0, 2).allclose(first), Is.False, "another epoch");
        Assert.That(At(4, 1, 2).allclose(first), Is.False, "another seed");
    }

    [Test]
    public void For_ZeroDropPath_IsNothing_AndANetworkWithoutDropPathFails()
    {
        using var network = DartsRetrainKit.Network(auxiliary: false);
        Assert.That(DropPathSchedule.For(network, 0, 1), Is.Null);
        using var plain = nn.Linear(2, 2);
        Assert.Throws<InvalidOperationException>(() => DropPathSchedule.For(plain, 0.2, 1));
    }
}
