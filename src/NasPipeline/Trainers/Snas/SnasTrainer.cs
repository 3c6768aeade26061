using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Trainers.Gdas;
using NasPipeline.Trainers.Sampling;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers.Snas;

/// <summary>
/// SNAS (Xie et al., ICLR 2019) as DrNAS runs it as an NB201 baseline (201-space, species "gumbel"): the soft
/// Gumbel-softmax relaxation, a fresh sample per forward, every op computed and weighted by the sample in both the α
/// and the weight step; τ from 10 toward 1 (see <see cref="GumbelOptions"/>). SNAS's own resource constraint and
/// credit-assignment view are not part of that baseline, nor of this trainer.
/// </summary>
public sealed class SnasTrainer(GumbelOptions options) : GradientAlphaTrainer(options.Training, options.Alpha)
{
    protected override Mixing ArchitectureMixing(ISupernet supernet, TrainingStep step) =>
        Mixing.Of(supernet.Alphas.Select(alpha => Gumbel.Soft(alpha, options.Temperature(step))));

    public override Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step) =>
        Mixing.Of(supernet.Alphas.Select(alpha => Gumbel.Soft(alpha.detach(), options.Temperature(step))));
}
