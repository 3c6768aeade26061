using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Trainers.Darts;
using NasPipeline.Training;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers.DartsSecondOrder;

/// <summary>
/// Second-order DARTS: α follows the gradient of the validation loss after one virtual step of the weights that
/// repeats the weight optimiser's next step (ξ = its current learning rate, its weight decay and momentum buffers),
/// see <see cref="VirtualStep"/> and <see cref="UnrolledGradient"/>.
/// </summary>
public sealed class DartsSecondOrderTrainer(DartsOptions options) : DartsTrainer(options)
{
    optim.Optimizer? _weights;

    public override void UseWeightOptimizer(optim.Optimizer optimizer) => _weights = optimizer;

    // The loop disposes its weight optimiser after it detaches the trainer: drop the reference with the α one.
    public override void Detach()
    {
        _weights = null;
        base.Detach();
    }

    public override void UpdateArchitecture(
        ISupernet supernet, SearchBatch batch, TrainingStep step, RunningMean metrics)
    {
        AlphaOptimizer.zero_grad();
        var virtualStep = new VirtualStep(step.LearningRate, Training.WeightDecay, Training.Momentum,
            WeightMomentum.Buffers(_weights));
        var (gradients, loss, logits) = UnrolledGradient.Compute(supernet, batch, virtualStep);
        foreach (var (alpha, gradient) in supernet.Alphas.Zip(gradients)) alpha.grad = gradient;
        AlphaOptimizer.step();
        metrics.Add(loss, logits, batch.Alpha.Labels);
    }
}
