using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Tests.SearchSpaces.Nb201;

public sealed class Nb201SupernetTests
{
    [Test]
    public void Alpha_IsEdgesByOperations_AndNotAWeightParameter()
    {
        using var net = new Nb201Supernet(4, 1, 1, 3);
        Assert.That(net.Alpha.shape, Is.EqualTo(new long[] { 6, 5 }));
        Assert.That(net.WeightParameters().Any(p => ReferenceEquals(p, net.Alpha)), Is.False);
        Assert.That(net.WeightParameters().Count() + 1, Is.EqualTo(net.parameters().Count()));
    }

    [Test]
    public void Forward_WithOneHotWeights_IgnoresOtherOperations()
    {
        manual_seed(1);
        using var net = new Nb201Supernet(4, 1, 1, 3);
        net.eval();
        using var x = randn(2, 1, 8, 8);
        using var oneHot = zeros(6, 5);
        oneHot[TensorIndex.Colon, 1] = tensor(1f); // skip_connect everywhere
        using var perturbed = oneHot.clone();
        perturbed[0, 3] = tensor(0f); // weight 0 on a conv must not change the output
        using (no_grad())
        {
            using var a = net.Forward(x, oneHot);
            using var b = net.Forward(x, perturbed);
            Assert.That(a.allclose(b), Is.True);
        }
    }

    [Test]
    public void Forward_UsesSoftmaxOfAlpha()
    {
        manual_seed(2);
        using var net = new Nb201Supernet(4, 1, 1, 3);
        net.eval();
        using var x = randn(2, 1, 8, 8);
        using (no_grad())
        {
            using var implicitWeights = net.forward(x);
            using var explicitWeights = net.Forward(x, nn.functional.softmax(net.Alpha, -1));
            Assert.That(implicitWeights.allclose(explicitWeights), Is.True);
        }
        Assert.That(Nb201Space.Operations[0], Is.EqualTo("none"));
    }
}
