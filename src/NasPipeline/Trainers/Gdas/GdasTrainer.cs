using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Trainers.Sampling;
using static TorchSharp.torch;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers.Gdas;

/// <summary>
/// GDAS (Dong &amp; Yang, CVPR 2019): per step one op per edge is sampled by hard Gumbel-softmax and only that op
/// is computed; α gets straight-through gradients. τ anneals linearly from <c>tau_max</c> to <c>tau_min</c>.
/// </summary>
public sealed class GdasTrainer(GumbelOptions options) : GradientAlphaTrainer(options.Training, options.Alpha)
{
    protected override Mixing ArchitectureMixing(ISupernet supernet, TrainingStep step) =>
        new(supernet.Alphas.Select(alpha => Gumbel.Hard(alpha, options.Temperature(step))).ToArray());

    public override Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step) =>
        new(supernet.Alphas.Select(alpha => Gumbel.Hard(alpha.detach(), options.Temperature(step))).ToArray());

    // The argmax of a Gumbel-perturbed sample does not depend on τ.
    public override Mixing EvaluationMixing(ISupernet supernet, Generator generator) =>
        new(supernet.Alphas.Select(alpha => Gumbel.Hard(alpha.detach(), 1.0, generator)).ToArray());
}
