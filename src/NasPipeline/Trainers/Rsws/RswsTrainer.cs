using NasPipeline.Supernet;
using NasPipeline.Trainers.Sampling;
using static TorchSharp.torch;

namespace NasPipeline.Trainers.Rsws;

/// <summary>
/// Random sampling with weight sharing (Li &amp; Talwalkar, UAI 2019): each step trains one uniformly sampled
/// discrete architecture (only its ops run); α is not learned.
/// </summary>
public sealed class RswsTrainer(RswsOptions options) : FixedAlphaTrainer(options.Training)
{
    public override Mixing WeightStepMixing(Nb201Supernet supernet, Batch batch, TrainingStep step) => UniformArchitecture.Sample();

    public override Mixing EvaluationMixing(Nb201Supernet supernet, Generator generator) => UniformArchitecture.Sample(generator);
}
