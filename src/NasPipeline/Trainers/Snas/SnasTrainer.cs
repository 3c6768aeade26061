using NasPipeline.Supernet;
using NasPipeline.Trainers.Gdas;
using NasPipeline.Trainers.Sampling;

namespace NasPipeline.Trainers.Snas;

/// <summary>
/// SNAS (Xie et al., ICLR 2019): the soft Gumbel-softmax relaxation with an annealed temperature; every op is
/// computed, weighted by the sample, in both the α and the weight step.
/// </summary>
public sealed class SnasTrainer(GumbelOptions options) : GradientAlphaTrainer(options.Training, options.Alpha)
{
    protected override Mixing ArchitectureMixing(Nb201Supernet supernet, TrainingStep step) =>
        new(Gumbel.Soft(supernet.Alpha, options.Temperature(step)));

    public override Mixing WeightStepMixing(Nb201Supernet supernet, Batch batch, TrainingStep step) =>
        new(Gumbel.Soft(supernet.Alpha.detach(), options.Temperature(step)));
}
