using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using NasPipeline.Trainers.DartsSecondOrder;
using static TorchSharp.torch;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Tests.Trainers.DartsSecondOrder;

/// <summary>
/// The unrolled α gradient against a numerical derivative of F(α) = L_val(w − ξ(μm + ∇w L_train(w, α) + λw),
/// α), by central differences in float64 (m: the weight optimiser's momentum buffers, DARTS's
/// <c>_compute_unrolled_model</c>). Tolerance: 1e-4 relative L2 error, with the Hessian-vector step scaled to 1e-6
/// (DARTS's 0.01 crosses ReLU kinks on a network this small, which tests the approximation, not the formula); the
/// first-order gradient alone must miss by far more, or the test would not tell them apart.
/// </summary>
public sealed class UnrolledGradientTests
{
    const double Xi = 0.5, WeightDecay = 5e-4, Tolerance = 1e-4;

    /// <summary>
    /// With momentum buffers (as after the weight optimiser's first step) the virtual step adds μ·m; with μ = 0 this
    /// is the formula without momentum, so one (slow) numerical test covers both.
    /// </summary>
    [Test]
    public void Compute_WithMomentum_AgreesWithNumericalDerivative()
    {
        const double momentum = 0.9;
        var previous = get_default_dtype();
        set_default_dtype(ScalarType.Float64);
        try
        {
            manual_seed(4);
            using var net = new Nb201Supernet(3, 1, 1, 3);
            using (no_grad()) net.Alpha.copy_(randn(6, 5).mul(0.5));
            net.train();
            var batch = new SearchBatch(new Batch(randn(6, 1, 6, 6), tensor(new long[] { 0, 1, 2, 0, 1, 2 })),
                                        new Batch(randn(6, 1, 6, 6), tensor(new long[] { 2, 1, 0, 2, 1, 0 })));

            var buffers = net.WeightParameters().Select(w => (Tensor?)randn_like(w).mul(2)).ToList();
            var step = new VirtualStep(Xi, WeightDecay, momentum, buffers);
            var analytic = UnrolledGradient.Compute(net, batch, step, epsilonScale: 1e-6).Gradients.Single();
            var firstOrder = UnrolledGradient.Compute(net, batch, step with { LearningRate = 0 }, 1e-6)
                .Gradients.Single();
            var numeric = Numeric(net, batch, step);

            double RelativeError(Tensor g) => g.sub(numeric).norm().item<double>() / numeric.norm().item<double>();
            Assert.That(RelativeError(analytic), Is.LessThan(Tolerance));
            Assert.That(RelativeError(firstOrder), Is.GreaterThan(0.1));
        }
        finally { set_default_dtype(previous); }
    }

    static Tensor Numeric(Nb201Supernet net, SearchBatch batch, VirtualStep step)
    {
        const double h = 1e-5;
        var gradient = zeros(6, 5);
        for (var e = 0; e < 6; e++)
            for (var k = 0; k < 5; k++)
            {
                double At(double delta)
                {
                    using (no_grad()) net.Alpha[e, k] = net.Alpha[e, k].add(delta);
                    var value = UnrolledLoss(net, batch, step);
                    using (no_grad()) net.Alpha[e, k] = net.Alpha[e, k].sub(delta);
                    return value;
                }
                gradient[e, k] = tensor((At(h) - At(-h)) / (2 * h));
            }
        return gradient;
    }

    static double UnrolledLoss(Nb201Supernet net, SearchBatch batch, VirtualStep step)
    {
        var weights = net.WeightParameters().Cast<Tensor>().ToList();
        var saved = weights.Select(w => w.detach().clone()).ToList();
        var train = nn.functional.cross_entropy(net.Forward(batch.Weights.Images, net.SoftmaxWeights()),
            batch.Weights.Labels);
        var grads = autograd.grad([train], weights, allow_unused: true);
        using (no_grad())
        {
            for (var i = 0; i < weights.Count; i++)
            {
                var g = grads[i] is { } t && !t.IsInvalid ? t : zeros_like(weights[i]);
                var momentumTerm = step.MomentumBuffers![i]!.mul(step.Momentum);
                weights[i].sub_(g.add(weights[i], alpha: WeightDecay).add(momentumTerm).mul(Xi));
            }
            var valid = nn.functional.cross_entropy(net.Forward(batch.Alpha.Images, net.SoftmaxWeights()),
                batch.Alpha.Labels).item<double>();
            for (var i = 0; i < weights.Count; i++) weights[i].copy_(saved[i]);
            return valid;
        }
    }
}
