using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Tests.SearchSpaces.Nb201;

public sealed class MixedOpTests
{
    /// <summary>
    /// GDAS's straight-through estimator: with one active op, the output is w_k·op_k(x) + Σ_{j≠k} w_j, so each
    /// inactive weight's gradient is Σ ∂L/∂output and the active one's Σ ∂L/∂output ⊙ op_k(x).
    /// </summary>
    [Test]
    public void Forward_ActiveOp_GivesEveryWeightItsStraightThroughGradient()
    {
        using var _ = NewDisposeScope();
        manual_seed(1);
        set_default_dtype(ScalarType.Float64);
        MixedOp edge;
        try { edge = Nb201Operations.Mixed(4); }
        finally { set_default_dtype(ScalarType.Float32); }
        using var __ = edge;
        var x = randn(2, 4, 5, 5, ScalarType.Float64);
        var weights = rand(Nb201Space.OperationCount, ScalarType.Float64).requires_grad_();
        var upstream = randn(2, 4, 5, 5, ScalarType.Float64);
        var active = Nb201Space.OperationIndex("nor_conv_3x3");
        edge.Forward(x, weights, active).backward([upstream]);
        var expectedActive = upstream.mul(edge.Operations[active].call(x)).sum().item<double>();
        for (var j = 0; j < Nb201Space.OperationCount; j++)
        {
            var expected = j == active ? expectedActive : upstream.sum().item<double>();
            Assert.That(weights.grad![j].item<double>(), Is.EqualTo(expected).Within(1e-9), $"weight {j}");
        }
    }
}
