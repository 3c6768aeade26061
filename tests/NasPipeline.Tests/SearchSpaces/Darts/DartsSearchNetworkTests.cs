using NasPipeline.SearchSpaces.Darts;
using static TorchSharp.torch;

namespace NasPipeline.Tests.SearchSpaces.Darts;

public sealed class DartsSearchNetworkTests
{
    [TestCase(1, 28, 3)]
    [TestCase(3, 32, 5)]
    public void Forward_WithMixingWeights_GivesOneLogitPerClass(int inputChannels, int size, int layers)
    {
        using var scope = NewDisposeScope();
        using var network = new DartsSearchNetwork(2, layers, inputChannels, 7);
        var normal = nn.functional.softmax(randn(14, 8), -1);
        var reduce = nn.functional.softmax(randn(14, 8), -1);
        var logits = network.Forward(randn(2, inputChannels, size, size), normal, reduce);
        Assert.That(logits.shape, Is.EqualTo(new long[] { 2, 7 }));
        Assert.That(network.forward(randn(2, inputChannels, size, size)).shape, Is.EqualTo(new long[] { 2, 7 }));
    }

    [Test]
    public void Layout_ReducesAtAThirdAndTwoThirds_WithStemMultiplierThree()
    {
        using var network = new DartsSearchNetwork(4, 8, 3, 10);
        Assert.That(network.Cells.Select(c => c.Reduction),
            Is.EqualTo(new[] { false, false, true, false, false, true, false, false }));
        var stem = network.named_parameters().Single(p => p.name == "stem.conv.weight").parameter;
        Assert.That(stem.shape, Is.EqualTo(new long[] { 12, 3, 3, 3 }));
        // The classifier sees 4 nodes × 4C after two doublings.
        var classifier = network.named_parameters().Single(p => p.name == "classifier.weight").parameter;
        Assert.That(classifier.shape, Is.EqualTo(new long[] { 10, 4 * 16 }));
    }

    [Test]
    public void MixedOp_IsDartsPrimitivesInOrder_PoolsFollowedByNonAffineBatchNorm()
    {
        using var op = DartsOperations.Mixed(4, 2);
        var kinds = op.Operations.Select(o => o.GetType().Name).ToArray();
        Assert.That(kinds, Is.EqualTo(new[]
            { "Zero", "PoolBN", "PoolBN", "FactorizedReduce", "SepConv", "SepConv", "DilConv", "DilConv" }));
        // Non-affine everywhere: the only parameters are bias-free convolution weights (no BN weight or bias).
        Assert.That(op.named_parameters().All(p => p.name.Contains("conv") || p.name.Contains("wise")), Is.True,
            string.Join(", ", op.named_parameters().Select(p => p.name)));
        Assert.That(op.named_buffers().Count(b => b.name.EndsWith("running_mean")), Is.EqualTo(2 + 1 + 4 + 2));
    }

    [Test]
    public void MixedOp_OneHotWeights_IsThatOperationAlone()
    {
        using var scope = NewDisposeScope();
        using var op = DartsOperations.Mixed(4, 1);
        op.eval();
        var x = randn(2, 4, 6, 6);
        for (var k = 0; k < 8; k++)
        {
            var weights = nn.functional.one_hot(tensor((long)k), 8).to(ScalarType.Float32);
            var expected = op.Operations[k].call(x);
            Assert.That(op.Forward(x, weights).allclose(expected, atol: 1e-6), Is.True, DartsSpace.Operations[k]);
            Assert.That(op.Forward(x, weights, active: k).allclose(expected, atol: 1e-6), Is.True);
        }
    }

    [Test]
    public void WeightParameters_AreEverythingButAlpha()
    {
        using var network = new DartsSearchNetwork(2, 3, 1, 10);
        var all = network.parameters().Count();
        Assert.That(network.WeightParameters().Count(), Is.EqualTo(all - 2));
        Assert.That(network.AlphaNormal.shape, Is.EqualTo(new long[] { 14, 8 }));
        Assert.That(network.AlphaReduce.abs().max().item<float>(), Is.LessThan(0.01f));
    }
}
