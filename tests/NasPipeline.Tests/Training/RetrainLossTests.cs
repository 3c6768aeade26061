using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Training;

/// <summary>loss + auxiliary_weight · loss_aux, as DARTS's train.py; the plain loss without a weight.</summary>
public sealed class RetrainLossTests
{
    static bool HeadHasGradient(nn.Module network) => network.named_parameters()
        .Where(p => p.name.StartsWith("auxiliaryHead.", StringComparison.Ordinal))
        .Any(p => p.parameter.grad is { } g && g.abs().sum().item<float>() > 0);

    static (Tensor Images, Tensor Labels) Batch()
    {
        manual_seed(5);
        return (randn(4, 1, 24, 24), tensor(new long[] { 0, 1, 2, 1 }));
    }

    [Test]
    public void Of_WithWeight_AddsTheWeightedAuxiliaryLoss_AndTrainsTheHead()
    {
        using var scope = NewDisposeScope();
        using var network = DartsRetrainKit.Network(auxiliary: true);
        network.train();
        var (images, labels) = Batch();
        var (logits, loss) = new RetrainLoss(network, 0.4).Of(images, labels);
        loss.backward();
        Assert.That(HeadHasGradient(network), Is.True);

        var (expectedLogits, auxiliary) = network.ForwardWithAuxiliary(images); // no drop path: the same forward
        var expected = nn.functional.cross_entropy(expectedLogits, labels).item<float>()
            + 0.4 * nn.functional.cross_entropy(auxiliary!, labels).item<float>();
        Assert.That(loss.item<float>(), Is.EqualTo(expected).Within(1e-5));
        Assert.That(logits.allclose(expectedLogits), Is.True);
    }

    [Test]
    public void Of_WithoutWeight_LeavesTheHeadOutOfTheLoss()
    {
        using var scope = NewDisposeScope();
        using var network = DartsRetrainKit.Network(auxiliary: true);
        network.train();
        var (images, labels) = Batch();
        var (logits, loss) = new RetrainLoss(network, 0).Of(images, labels);
        loss.backward();
        Assert.That(HeadHasGradient(network), Is.False);
        Assert.That(loss.item<float>(), Is.EqualTo(nn.functional.cross_entropy(logits, labels).item<float>()));
    }

    [Test]
    public void New_WithWeight_OnANetworkWithoutAHead_Fails()
    {
        using var headless = DartsRetrainKit.Network(auxiliary: false);
        Assert.Throws<InvalidOperationException>(() => _ = new RetrainLoss(headless, 0.4));
        using var nb201 = new DiscreteNetwork(Genotype.Parse(
            "|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|nor_conv_1x1~0|none~1|nor_conv_3x3~2|"), 4, 1, 1, 3);
        var e = Assert.Throws<InvalidOperationException>(() => _ = new RetrainLoss(nb201, 0.4))!;
        Assert.That(e.Message, Does.Contain("auxiliary head"));
    }
}
