using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Trainers.Sampling;
using static TorchSharp.torch;

namespace NasPipeline.Trainers.Gdas;

/// <summary>
/// GDAS (Dong &amp; Yang, CVPR 2019): per step one op per edge is sampled by hard Gumbel-softmax and only that op
/// is computed; α gets straight-through gradients. τ anneals linearly from <c>tau_max</c> to <c>tau_min</c>.
/// </summary>
public sealed class GdasTrainer(GumbelOptions options) : GradientAlphaTrainer(options.Training, options.Alpha)
{
    protected override Mixing ArchitectureMixing(Nb201Supernet supernet, TrainingStep step) =>
        Gumbel.Hard(supernet.Alpha, options.Temperature(step));

    public override Mixing WeightStepMixing(Nb201Supernet supernet, Batch batch, TrainingStep step) =>
        Gumbel.Hard(supernet.Alpha.detach(), options.Temperature(step));

    // The argmax of a Gumbel-perturbed sample does not depend on τ.
    public override Mixing EvaluationMixing(Nb201Supernet supernet, Generator generator) =>
        Gumbel.Hard(supernet.Alpha.detach(), 1.0, generator);
}
