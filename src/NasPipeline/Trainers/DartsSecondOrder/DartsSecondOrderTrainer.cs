using NasPipeline.Supernet;
using NasPipeline.Trainers.Darts;
using NasPipeline.Training;

namespace NasPipeline.Trainers.DartsSecondOrder;

/// <summary>
/// Second-order DARTS: α follows the gradient of the validation loss after one virtual SGD step of the weights
/// (ξ = the current weight learning rate), see <see cref="UnrolledGradient"/>.
/// </summary>
public sealed class DartsSecondOrderTrainer(DartsOptions options) : DartsTrainer(options)
{
    public override void UpdateArchitecture(Nb201Supernet supernet, SearchBatch batch, TrainingStep step, RunningMean metrics)
    {
        AlphaOptimizer.zero_grad();
        var (gradient, loss, logits) = UnrolledGradient.Compute(supernet, batch, step.LearningRate, Training.WeightDecay);
        supernet.Alpha.grad = gradient;
        AlphaOptimizer.step();
        metrics.Add(loss, logits, batch.Alpha.Labels);
    }
}
