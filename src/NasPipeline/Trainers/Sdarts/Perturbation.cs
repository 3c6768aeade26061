using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Trainers.Sdarts;

/// <summary>
/// SDARTS's perturbations (Chen &amp; Hsieh, ICML 2020) of the architecture weights A = softmax(α): a uniform one in
/// [−ε, ε] (RS), or a PGD-L∞ attack that maximises the training loss (ADV); A + δ is clipped to [0, 1] as in the
/// reference code.
/// </summary>
public static class Perturbation
{
    public static Tensor Random(Tensor weights, double epsilon, Generator? generator = null) =>
        weights.add(rand(weights.shape, generator: generator).mul(2 * epsilon).sub(epsilon)).clamp(0, 1);

    /// <summary>
    /// PGD: random start, then <paramref name="steps"/> steps of size 2ε/steps along sign(∇δ L), projected onto the
    /// ε-ball around A. Runs with BN in evaluation mode, as the reference does, and restores the mode.
    /// </summary>
    public static Tensor Adversarial(Nb201Supernet supernet, Tensor weights, Batch batch, double epsilon, int steps)
    {
        var wasTraining = supernet.training;
        supernet.eval();
        var stepSize = 2 * epsilon / steps;
        var perturbed = Random(weights, epsilon);
        for (var i = 0; i < steps; i++)
        {
            var candidate = perturbed.detach().requires_grad_(true);
            var loss = nn.functional.cross_entropy(supernet.Forward(batch.Images, candidate), batch.Labels);
            var gradient = autograd.grad([loss], [candidate])[0];
            using (no_grad())
            {
                var delta = candidate.add(gradient.sign().mul(stepSize)).sub(weights).clamp(-epsilon, epsilon);
                perturbed = weights.add(delta).clamp(0, 1);
            }
        }
        supernet.train(wasTraining);
        return perturbed.detach();
    }
}
