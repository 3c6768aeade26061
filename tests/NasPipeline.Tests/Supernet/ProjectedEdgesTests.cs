using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Supernet;

/// <summary>
/// DARTS-PT's decided edges (<see cref="Nb201Supernet.FixedOps"/>) override whatever mixing a forward gets.
/// </summary>
public sealed class ProjectedEdgesTests
{
    [Test]
    public void Forward_WithFixedOps_EqualsTheMixingWithThoseRowsOneHot()
    {
        manual_seed(3);
        using var net = new Nb201Supernet(4, 1, 1, 3);
        net.eval();
        using var x = randn(2, 1, 8, 8);
        using var weights = softmax(randn(6, 5), -1);
        using var expected = weights.clone();
        expected[0] = tensor(new[] { 0f, 0f, 1f, 0f, 0f });
        expected[4] = tensor(new[] { 0f, 1f, 0f, 0f, 0f });
        using (no_grad())
        {
            using var want = net.Forward(x, expected);
            net.FixedOps = [[2, -1, -1, -1, 1, -1]];
            using var got = net.Forward(x, weights);
            net.FixedOps = null;
            using var free = net.Forward(x, weights);
            Assert.That(got.allclose(want), Is.True);
            Assert.That(free.allclose(want), Is.False, "without fixed ops the given mixing applies");
        }
    }

    [Test]
    public void Fix_SampledArchitecture_ReplacesTheActiveOpsOfFixedEdges()
    {
        var fixedMixing = CellMixing.OneHot([0, 1, 2, 3, 4, 0], 5).Fix([-1, 3, -1, -1, -1, 2]);
        Assert.That(fixedMixing.Active, Is.EqualTo(new[] { 0, 3, 2, 3, 4, 2 }));
        Assert.That(fixedMixing.Weights.argmax(1).data<long>().ToArray(), Is.EqualTo(new long[] { 0, 3, 2, 3, 4, 2 }));
    }
}
