using static TorchSharp.torch;

namespace NasPipeline.Trainers.DartsSecondOrder;

/// <summary>
/// The weight optimiser's next SGD step as DARTS's <c>_compute_unrolled_model</c> takes it (quark0/darts
/// cnn/architect.py; xautodl exps/NAS-Bench-201-algos/DARTS-V2.py for NB201): learning rate ξ, weight decay λ and,
/// once the optimiser has them, its momentum buffers m scaled by the momentum μ:
/// w′ = w − ξ(μ·m + ∇w L_train(w, α) + λw). Nesterov is ignored there too.
/// </summary>
/// <param name="LearningRate">ξ, the weight optimiser's current learning rate.</param>
/// <param name="WeightDecay">λ.</param>
/// <param name="Momentum">μ.</param>
/// <param name="MomentumBuffers">One per weight parameter, in <c>WeightParameters()</c> order; null (or a null
/// entry) before the optimiser's first step, when DARTS uses zeros.</param>
public sealed record VirtualStep(
    double LearningRate, double WeightDecay, double Momentum = 0, IReadOnlyList<Tensor?>? MomentumBuffers = null)
{
    /// <summary>μ·m for weight <paramref name="index"/>, or null when there is no buffer yet.</summary>
    public Tensor? ScaledMomentum(int index) =>
        Momentum != 0 && MomentumBuffers?[index] is { } m && !m.IsInvalid ? m.mul(Momentum) : null;
}
