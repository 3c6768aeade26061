using NasPipeline.SearchSpaces.Nb201;
using static TorchSharp.torch;

namespace NasPipeline.Tests.SearchSpaces.Nb201;

/// <summary>
/// At C=16, N=5, 3×32×32, 10 classes the network must have exactly the benchmark's parameter counts.
/// </summary>
public sealed class DiscreteNetworkTests
{
    [TestCase("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
        1_531_546)]
    [TestCase("|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|",
        73_306)]
    [TestCase("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|",
        1_073_466)]
    public void ParameterCount_MatchesBenchmark(string arch, long expected)
    {
        using var network = new DiscreteNetwork(Genotype.Parse(arch), 16, 5, 3, 10);
        Assert.That(network.ParameterCount(), Is.EqualTo(expected));
    }

    [Test]
    public void Forward_GivesOneLogitPerClass()
    {
        using var network = new DiscreteNetwork(
            Genotype.Parse("|nor_conv_3x3~0|+|none~0|avg_pool_3x3~1|+" +
                "|skip_connect~0|nor_conv_1x1~1|none~2|"), 4, 1, 1, 7);
        using var x = randn(2, 1, 12, 12);
        using var y = network.forward(x);
        Assert.That(y.shape, Is.EqualTo(new long[] { 2, 7 }));
    }
}
