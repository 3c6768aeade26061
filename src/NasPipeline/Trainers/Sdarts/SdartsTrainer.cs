using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers.Sdarts;

/// <summary>
/// SDARTS-RS / SDARTS-ADV: DARTS whose weight step sees perturbed architecture weights, so the weights become
/// robust to α perturbations and the loss landscape in α smoother. As in SmoothDARTS's train loop, the α step comes
/// first and sees the unperturbed softmax(α); the perturbation (attacking the weight step's own batch) is used only
/// for that batch's weight step. ε ramps per epoch from <c>epsilon_min</c> toward <c>epsilon_max</c>.
/// </summary>
public sealed class SdartsTrainer(SdartsOptions options) : GradientAlphaTrainer(options.Training, options.Alpha)
{
    protected override Mixing ArchitectureMixing(ISupernet supernet, TrainingStep step) =>
        Mixing.Of(supernet.SoftmaxWeights());

    public override Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step)
    {
        var weights = supernet.SoftmaxWeights().Select(w => w.detach()).ToList();
        var epsilon = options.Epsilon(step);
        return Mixing.Of(options.AttackSteps > 0
            ? Perturbation.Adversarial(supernet, weights, batch, epsilon, options.AttackSteps)
            : weights.Select(w => Perturbation.Random(w, epsilon)));
    }
}
