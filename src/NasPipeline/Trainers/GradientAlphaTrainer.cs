using NasPipeline.Checkpoints;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Training;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers;

/// <summary>
/// What DARTS-like methods share: α is trained by Adam on α-half batches through the method's own relaxation
/// (<see cref="ArchitectureMixing"/>), plus an optional regulariser. Subclasses say only how weights are formed.
/// </summary>
public abstract class GradientAlphaTrainer(SupernetTrainingOptions training, AlphaOptions alpha) : ISupernetTrainer
{
    optim.Optimizer? _optimizer;

    public SupernetTrainingOptions Training => training;

    /// <summary>
    /// The α optimiser's settings (selectors that keep training α, like DARTS-PT's tuning, reuse them).
    /// </summary>
    public AlphaOptions Alpha => alpha;

    protected optim.Optimizer AlphaOptimizer =>
        _optimizer ?? throw new InvalidOperationException("Attach the trainer to a supernet first");

    public virtual void Attach(ISupernet supernet)
    {
        _optimizer?.Dispose();
        _optimizer = optim.Adam(supernet.Alphas, alpha.LearningRate, alpha.Beta1, alpha.Beta2,
            weight_decay: alpha.WeightDecay);
    }

    public virtual void Detach()
    {
        _optimizer?.Dispose();
        _optimizer = null;
    }

    public virtual void UseWeightOptimizer(optim.Optimizer optimizer) { }

    public virtual void UpdateArchitecture(
        ISupernet supernet, SearchBatch batch, TrainingStep step, RunningMean metrics)
    {
        AlphaOptimizer.zero_grad();
        Tensor logits, loss;
        using (FrozenWeights.Of(supernet))
        {
            logits = supernet.Forward(batch.Alpha.Images, ArchitectureMixing(supernet, step));
            loss = nn.functional.cross_entropy(logits, batch.Alpha.Labels);
            var objective = Regulariser(supernet) is { } penalty ? loss.add(penalty) : loss;
            objective.backward();
        }
        AlphaOptimizer.step();
        metrics.Add(loss, logits, batch.Alpha.Labels);
    }

    /// <summary>The relaxation α is trained through (gradients must reach α).</summary>
    protected abstract Mixing ArchitectureMixing(ISupernet supernet, TrainingStep step);

    /// <summary>A term added to the α objective, or null.</summary>
    protected virtual Tensor? Regulariser(ISupernet supernet) => null;

    public abstract Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step);

    public virtual Mixing EvaluationMixing(ISupernet supernet, Generator generator) =>
        Mixing.Of(SelectionWeights(supernet));

    public virtual IReadOnlyList<Tensor> SelectionWeights(ISupernet supernet) => supernet.SoftmaxWeights();

    public void SaveState(CheckpointWriter checkpoint) => checkpoint.Optimizer("alpha-optimizer", AlphaOptimizer);

    public void LoadState(CheckpointReader checkpoint) => checkpoint.Optimizer("alpha-optimizer", AlphaOptimizer);
}
