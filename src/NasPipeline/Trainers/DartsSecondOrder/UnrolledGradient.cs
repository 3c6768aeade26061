using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using static TorchSharp.torch;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers.DartsSecondOrder;

/// <summary>
/// DARTS's second-order α gradient (Liu et al., ICLR 2019, eq. 7–8):
/// ∇α L_val(w′, α) − ξ ∇²α,w L_train(w, α) ∇w′ L_val(w′, α), with w′ the
/// <see cref="VirtualStep"/> w − ξ(μm + ∇w L_train(w, α) + λw), and the Hessian-vector product by central
/// differences around w (not w′): (∇α L_train(w⁺, α) − ∇α L_train(w⁻, α)) / 2ε, w± = w ± ε∇w′
/// L_val, ε = <c>epsilonScale</c> / ‖∇w′ L_val‖ (DARTS's <c>_hessian_vector_product</c>: r = 0.01 over the
/// norm of all weight gradients together). The vector is ∇w′ L_val without a weight-decay term, as in xautodl's
/// DARTS-V2 and DrNAS's architect. The weights are restored afterwards. On ReLU networks the central difference is only
/// as good as ε is small next to the distance to the nearest ReLU kink; DARTS's 0.01 trades that accuracy for float32
/// round-off.
/// </summary>
public static class UnrolledGradient
{
    /// <returns>The α gradient per cell type (the supernet's α order), the validation loss and logits.</returns>
    public static (IReadOnlyList<Tensor> Gradients, Tensor ValidLoss, Tensor ValidLogits) Compute(
        ISupernet supernet, SearchBatch batch, VirtualStep virtualStep, double epsilonScale = 0.01)
    {
        var (xi, weightDecay) = (virtualStep.LearningRate, virtualStep.WeightDecay);
        var weights = supernet.WeightParameters().Cast<Tensor>().ToList();
        var saved = weights.Select(w => w.detach().clone()).ToList();

        var trainGrad = autograd.grad([TrainLoss(supernet, batch.Weights)], weights, allow_unused: true);
        using (no_grad())
            for (var i = 0; i < weights.Count; i++)
            {
                var g = trainGrad[i] is { } t && !t.IsInvalid ? t : zeros_like(weights[i]);
                var step = g.add(weights[i], alpha: weightDecay);
                if (virtualStep.ScaledMomentum(i) is { } momentum) step = step.add(momentum);
                weights[i].sub_(step.mul(xi));
            }

        var alphas = supernet.Alphas.Cast<Tensor>().ToList();
        var logits = supernet.Forward(batch.Alpha.Images, Mixing.Of(supernet.SoftmaxWeights()));
        var validLoss = nn.functional.cross_entropy(logits, batch.Alpha.Labels);
        var grads = autograd.grad([validLoss], [.. alphas, .. weights], allow_unused: true);
        var alphaGrads = grads.Take(alphas.Count).ToList();
        var direction = grads.Skip(alphas.Count)
            .Select((g, i) => g is { } t && !t.IsInvalid ? t : zeros_like(weights[i])).ToList();

        Restore(weights, saved);
        var norm = Math.Sqrt(direction.Sum(d => d.pow(2).sum().to(ScalarType.Float64).item<double>()));
        var epsilon = epsilonScale / Math.Max(norm, 1e-12);
        Shift(weights, direction, epsilon);
        var plus = autograd.grad([TrainLoss(supernet, batch.Weights)], alphas);
        Shift(weights, direction, -2 * epsilon);
        var minus = autograd.grad([TrainLoss(supernet, batch.Weights)], alphas);
        Restore(weights, saved);

        var gradients = alphaGrads.Select((gradient, i) =>
        {
            var hessianVector = plus[i].sub(minus[i]).div(2 * epsilon);
            return gradient.sub(hessianVector.mul(xi)).detach();
        }).ToList();
        return (gradients, validLoss.detach(), logits.detach());
    }

    static Tensor TrainLoss(ISupernet supernet, Batch batch) =>
        nn.functional.cross_entropy(supernet.Forward(batch.Images, Mixing.Of(supernet.SoftmaxWeights())), batch.Labels);

    static void Shift(IReadOnlyList<Tensor> weights, IReadOnlyList<Tensor> direction, double scale)
    {
        using var _ = no_grad();
        for (var i = 0; i < weights.Count; i++) weights[i].add_(direction[i], alpha: scale);
    }

    static void Restore(IReadOnlyList<Tensor> weights, IReadOnlyList<Tensor> saved)
    {
        using var _ = no_grad();
        for (var i = 0; i < weights.Count; i++) weights[i].copy_(saved[i]);
    }
}
