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
    public void Forward_MixesWithTheSoftmaxOfAlpha_HandComputed()
    {
        // α = log p + c per edge, so softmax(α) = p whatever c; p is written out by hand, not computed by softmax.
        float[] p = [0.1f, 0.2f, 0.3f, 0.15f, 0.25f];
        manual_seed(2);
        using var net = new Nb201Supernet(4, 1, 1, 3);
        net.eval();
        using (no_grad())
            for (var edge = 0; edge < 6; edge++)
                for (var op = 0; op < 5; op++)
                    net.Alpha[edge, op] = tensor(MathF.Log(p[op]) + edge);
        using var x = randn(2, 1, 8, 8);
        using var expectedWeights = tensor(p).expand(6, 5).contiguous();
        using var rawAlpha = net.Alpha.detach().clone();
        using (no_grad())
        {
            using var implicitWeights = net.forward(x);
            using var handWeights = net.Forward(x, expectedWeights);
            using var alphaAsWeights = net.Forward(x, rawAlpha);
            Assert.That(implicitWeights.allclose(handWeights, rtol: 1e-4, atol: 1e-5), Is.True);
            Assert.That(alphaAsWeights.allclose(handWeights, rtol: 1e-4, atol: 1e-5), Is.False,
                "the check can tell α itself from softmax(α)");
        }
        Assert.That(Nb201Space.Operations[0], Is.EqualTo("none"));
    }
}
