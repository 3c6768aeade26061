using NasPipeline.Checkpoints;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Training;

/// <summary>Where the shared loop is within training, for schedules that anneal (temperatures, ε ramps).</summary>
public readonly record struct TrainingStep(int Epoch, int Epochs, int Step, int StepsPerEpoch, double LearningRate)
{
    /// <summary>Fraction of training done, 0 at the first step, approaching 1 at the last.</summary>
    public double Progress => (Epoch * (double)StepsPerEpoch + Step) / (Epochs * (double)StepsPerEpoch);

    /// <summary>
    /// Linear interpolation over epochs: <paramref name="from"/> in the first epoch, <paramref name="to"/> in the last.
    /// </summary>
    public double Anneal(double from, double to) => Epochs <= 1 ? from : from + (to - from) * Epoch / (Epochs - 1);

    /// <summary>
    /// Linear steps over epochs that stop one step short: <paramref name="from"/> in the first epoch, then
    /// (<paramref name="to"/> − <paramref name="from"/>) / epochs more each epoch, so <paramref name="to"/> itself
    /// would come only one epoch after the last. SmoothDARTS's ε ramp and DrNAS's SNAS temperature run this way.
    /// </summary>
    public double Ramp(double from, double to) => from + (to - from) * Epoch / Epochs;
}

/// <summary>A batch of images and labels.</summary>
public readonly record struct Batch(Tensor Images, Tensor Labels);

/// <summary>One step's data: a weight-half batch and an α-half batch.</summary>
public readonly record struct SearchBatch(Batch Weights, Batch Alpha);

/// <summary>
/// A supernet training method. The shared <see cref="SupernetTrainingLoop"/> owns data, the weight optimiser,
/// schedule, evaluation, metrics and checkpoints; a method supplies only what differs: how α is updated and how
/// mixing weights are formed for the weight step, for evaluation and for selection.
/// </summary>
public interface ISupernetTrainer
{
    SupernetTrainingOptions Training { get; }

    /// <summary>
    /// False for methods that keep α fixed (oneshot, rsws): their mixing weights say nothing about the ops, so
    /// selectors that read only α cannot choose from them.
    /// </summary>
    bool LearnsArchitecture => true;

    /// <summary>Creates the method's own state (e.g. the α optimiser) for this supernet.</summary>
    void Attach(ISupernet supernet);

    /// <summary>
    /// Frees what <see cref="Attach"/> created (the α optimiser's moment tensors): the loops call it when they end,
    /// so that state is released now rather than by the finalizer. A later <see cref="Attach"/> starts afresh.
    /// </summary>
    void Detach() { }

    /// <summary>
    /// Hands over the loop's weight optimiser, after <see cref="Attach"/>; methods whose α step imitates the next
    /// weight step (second-order DARTS reads its momentum buffers) keep it.
    /// </summary>
    void UseWeightOptimizer(optim.Optimizer optimizer) { }

    /// <summary>
    /// The architecture step; adds its loss/accuracy to <paramref name="metrics"/>. Methods that do not learn α do
    /// nothing.
    /// </summary>
    void UpdateArchitecture(ISupernet supernet, SearchBatch batch, TrainingStep step, RunningMean metrics);

    /// <summary>
    /// Mixing for the weight step on <paramref name="batch"/>; the loop does not back-propagate into α through it.
    /// </summary>
    Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step);

    /// <summary>Mixing for measuring the supernet's validation accuracy under the method's own semantics.</summary>
    Mixing EvaluationMixing(ISupernet supernet, Generator generator);

    /// <summary>The mixing weights [edges, ops] per cell type selectors see, e.g. softmax(α) for DARTS.</summary>
    IReadOnlyList<Tensor> SelectionWeights(ISupernet supernet);

    /// <summary>
    /// Writes what the method carries from step to step (its α optimiser's moments) to a checkpoint.
    /// </summary>
    void SaveState(CheckpointWriter checkpoint) { }

    /// <summary>Restores what <see cref="SaveState"/> wrote; called after <see cref="Attach"/>.</summary>
    void LoadState(CheckpointReader checkpoint) { }
}
