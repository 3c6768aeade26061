using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Trainers.OneShot;

/// <summary>
/// The "blank" supernet of DARTS-PT and Bender et al. (ICML 2018): α fixed at uniform, every op summed with
/// weight 1/|ops|, only the weights trained.
/// </summary>
public sealed class OneShotTrainer(OneShotOptions options) : FixedAlphaTrainer(options.Training)
{
    public override Mixing WeightStepMixing(Nb201Supernet supernet, Batch batch, TrainingStep step) => new(supernet.SoftmaxWeights().detach());

    public override Mixing EvaluationMixing(Nb201Supernet supernet, Generator generator) => new(supernet.SoftmaxWeights().detach());
}
