using NasPipeline.Proxies;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Tests.Trainers;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Proxies;

/// <summary>Every proxy sees an op's removal from the supernet (its mixing weight set to zero).</summary>
public sealed class MaskedSupernetTests
{
    public static IEnumerable<string> Names() => ProxyCatalog.Default.Names;

    static readonly int Conv3x3 = Nb201Space.OperationIndex("nor_conv_3x3");

    static double Score(string proxy, Nb201Supernet supernet, Tensor weights)
    {
        var batch = TrainerKit.RandomBatch(8);
        manual_seed(3);
        var input = new MixedSupernet(supernet, new Mixing(weights)).Input(batch.Images, batch.Labels);
        return ProxyRunner.Score(ProxyCatalog.Create(proxy), input);
    }

    [TestCaseSource(nameof(Names))]
    public void Score_RemovingAConvolution_ChangesTheScore(string proxy)
    {
        using var supernet = TrainerKit.Supernet();
        using var weights = supernet.SoftmaxWeights().detach().clone();
        using var masked = weights.clone();
        masked[2, Conv3x3] = tensor(0f);
        Assert.That(Score(proxy, supernet, masked), Is.Not.EqualTo(Score(proxy, supernet, weights)));
    }

    [Test]
    public void Params_CountsOnlyOpsWithANonZeroWeight()
    {
        using var supernet = TrainerKit.Supernet();
        using var weights = supernet.SoftmaxWeights().detach().clone();
        using var masked = weights.clone();
        masked[2, Conv3x3] = tensor(0f);
        // One cell per stage, so the 3×3 convolution of edge 2 in three cells: C = 4, 8, 16 channels, with bias
        // (supernet BN has no affine parameters).
        var removed = new[] { 4, 8, 16 }.Sum(c => c * c * 9 + c);
        Assert.That(Score("params", supernet, weights) - Score("params", supernet, masked), Is.EqualTo(removed));
    }

    [Test]
    public void Flops_CountsOnlyOpsWithANonZeroWeight()
    {
        using var supernet = TrainerKit.Supernet();
        using var weights = supernet.SoftmaxWeights().detach().clone();
        using var masked = weights.clone();
        masked[2, Conv3x3] = tensor(0f);
        // 8×8 input: cells at 8×8, 4×4, 2×2 pixels; each output value of a C→C 3×3 conv costs C·9 MACs.
        var removed = new[] { (4, 64), (8, 16), (16, 4) }.Sum(s => (double)s.Item1 * s.Item2 * s.Item1 * 9);
        Assert.That(Score("flops", supernet, weights) - Score("flops", supernet, masked), Is.EqualTo(removed));
    }
}
