using NasPipeline.Checkpoints;
using NasPipeline.Selectors;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Tests.Trainers;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Selectors;

public sealed class SupernetScoreTests
{
    [Test]
    public void Of_WithAStopRequested_StopsBeforeTheNextBatch()
    {
        var data = TrainerKit.TinyData();
        using var supernet = TrainerKit.Supernet();
        using var weights = supernet.SoftmaxWeights().detach();
        var images = SupernetScore.AlphaHalf(data, 0, 16);
        var stop = new StopSignal();
        Assert.DoesNotThrow(() => SupernetScore.Of(supernet, new Mixing(weights), images, stop: stop));
        stop.Request();
        Assert.Throws<NodeInterruptedException>(() =>
            SupernetScore.Of(supernet, new Mixing(weights), images, stop: stop));
    }
}
