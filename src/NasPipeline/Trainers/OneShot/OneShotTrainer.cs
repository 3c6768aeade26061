using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using static TorchSharp.torch;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers.OneShot;

/// <summary>
/// The "blank" supernet of DARTS-PT and Bender et al. (ICML 2018): α fixed at uniform, every op summed with
/// weight 1/|ops|, only the weights trained. NASLib's OneShotNASOptimizer sums the ops with weight 1 instead; the
/// uniform 1/|ops| is kept because every selector (magnitude, DARTS-PT, Zero-Cost-PT) runs the supernet through
/// softmax(α), so the supernet is trained at the scale it is later evaluated at, as in DARTS-PT's blank.
/// </summary>
public sealed class OneShotTrainer(OneShotOptions options) : FixedAlphaTrainer(options.Training)
{
    public override Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step) =>
        Mixing.Of(supernet.SoftmaxWeights().Select(w => w.detach()));

    public override Mixing EvaluationMixing(ISupernet supernet, Generator generator) =>
        Mixing.Of(supernet.SoftmaxWeights().Select(w => w.detach()));
}
