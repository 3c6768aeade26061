using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers.Darts;

/// <summary>
/// First-order DARTS (Liu et al., ICLR 2019): alternate an Adam step on α, using an α-half batch with the current
/// weights, and an SGD step on the weights with mixing weights softmax(α). The α step comes first, as in quark0/darts
/// train_search.py (xautodl's DARTS-V1 steps the weights first: the same alternation shifted by half a step).
/// </summary>
public class DartsTrainer(DartsOptions options) : GradientAlphaTrainer(options.Training, options.Alpha)
{
    protected override Mixing ArchitectureMixing(ISupernet supernet, TrainingStep step) =>
        Mixing.Of(supernet.SoftmaxWeights());

    public override Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step) =>
        Mixing.Of(supernet.SoftmaxWeights().Select(w => w.detach()));
}
