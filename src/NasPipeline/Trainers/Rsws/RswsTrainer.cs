using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using static TorchSharp.torch;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers.Rsws;

/// <summary>
/// Random sampling with weight sharing (Li &amp; Talwalkar, UAI 2019): each step trains one uniformly sampled
/// discrete architecture (only its ops run); α is not learned. NASLib's RandomNASOptimizer sets one-hot α and runs
/// every op (the others weighted 0), which gives the same gradients but also moves the unsampled ops' BN running
/// statistics; here only the sampled ops run, as in xautodl's RANDOM-NAS.
/// </summary>
public sealed class RswsTrainer(RswsOptions options) : FixedAlphaTrainer(options.Training)
{
    public override Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step) =>
        supernet.SampleArchitecture();

    public override Mixing EvaluationMixing(ISupernet supernet, Generator generator) =>
        supernet.SampleArchitecture(generator);
}
