using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using static TorchSharp.torch;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers.Sdarts;

/// <summary>
/// SDARTS's perturbations (Chen &amp; Hsieh, ICML 2020) of the architecture weights A = softmax(α): a uniform one in
/// [−ε, ε] (RS), or a PGD-L∞ attack that maximises the training loss (ADV). After every move A is put back on the
/// simplex by <see cref="Clip"/>, as SmoothDARTS's <c>Linf_PGD_alpha</c> / <c>Random_alpha</c> do
/// (attacker/perturb.py).
/// </summary>
public static class Perturbation
{
    /// <summary>
    /// SmoothDARTS's <c>Network.clip()</c>: clamp each row (edge) to [0, 1] and divide it by its sum; a row that
    /// clamps to all zeros puts 1 on the op that was largest before clamping. Without the renormalisation a
    /// perturbed row sums to anything in [1 − 5ε, 1 + 5ε], which rescales the whole cell, not only its mixing.
    /// </summary>
    public static Tensor Clip(Tensor weights)
    {
        var argmax = nn.functional.one_hot(weights.argmax(-1), weights.shape[^1]).to(weights.dtype);
        var clamped = weights.clamp(0, 1);
        var dead = clamped.sum(-1, keepdim: true).eq(0);
        var revived = where(dead, argmax, clamped);
        return revived.div(revived.sum(-1, keepdim: true));
    }

    /// <summary>SDARTS-RS: A + U(−ε, ε), clipped back onto the simplex.</summary>
    public static Tensor Random(Tensor weights, double epsilon, Generator? generator = null) =>
        Clip(weights.add(rand(weights.shape, generator: generator).mul(2 * epsilon).sub(epsilon)));

    /// <summary>
    /// SDARTS-ADV, as <c>Linf_PGD_alpha</c>: with BN in evaluation mode, a random start, then
    /// <paramref name="steps"/> steps of size 2ε/steps along sign(∇A L), each projected onto the ε-ball around A
    /// and clipped onto the simplex. If the attacked A has a lower loss than A itself, A is returned unperturbed.
    /// The training mode is restored. One attack on every cell type's weights together (the reference perturbs
    /// alphas_normal and alphas_reduce in one PGD), one tensor per cell type in and out.
    /// </summary>
    public static IReadOnlyList<Tensor> Adversarial(
        ISupernet supernet, IReadOnlyList<Tensor> weights, Batch batch, double epsilon, int steps)
    {
        var wasTraining = supernet.Module.training;
        supernet.Module.eval();
        try
        {
            double LossAt(IEnumerable<Tensor> a)
            {
                using var _ = no_grad();
                return nn.functional.cross_entropy(supernet.Forward(batch.Images, Mixing.Of(a)), batch.Labels)
                    .item<float>();
            }

            var before = LossAt(weights);
            var stepSize = 2 * epsilon / steps;
            var perturbed = weights.Select(w => Random(w, epsilon)).ToList();
            for (var i = 0; i < steps; i++)
            {
                var candidates = perturbed.Select(p => p.detach().requires_grad_(true)).ToList();
                var loss = nn.functional.cross_entropy(supernet.Forward(batch.Images, Mixing.Of(candidates)),
                    batch.Labels);
                var gradients = autograd.grad([loss], candidates);
                using (no_grad())
                    perturbed = candidates.Select((candidate, c) =>
                    {
                        var delta = candidate.add(gradients[c].sign().mul(stepSize)).sub(weights[c])
                            .clamp(-epsilon, epsilon);
                        return Clip(weights[c].add(delta));
                    }).ToList();
            }
            return before > LossAt(perturbed)
                ? weights.Select(w => w.detach()).ToList()
                : perturbed.Select(p => p.detach()).ToList();
        }
        finally { supernet.Module.train(wasTraining); }
    }
}
