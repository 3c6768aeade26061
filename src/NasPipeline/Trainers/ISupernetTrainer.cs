using NasPipeline.Supernet;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Trainers;

/// <summary>Where the shared loop is within training, for schedules that anneal (temperatures, ε ramps).</summary>
public readonly record struct TrainingStep(int Epoch, int Epochs, int Step, int StepsPerEpoch, double LearningRate)
{
    /// <summary>Fraction of training done, 0 at the first step, approaching 1 at the last.</summary>
    public double Progress => (Epoch * (double)StepsPerEpoch + Step) / (Epochs * (double)StepsPerEpoch);
}

/// <summary>
/// A supernet training method. The shared <see cref="SupernetTrainingLoop"/> owns data, the weight optimiser,
/// schedule, metrics and checkpoints; a method supplies only what differs: how α is updated and how mixing
/// weights are formed for the weight step and for selection.
/// </summary>
public interface ISupernetTrainer
{
    SupernetTrainingOptions Training { get; }

    /// <summary>Creates the method's own state (e.g. the α optimiser) for this supernet.</summary>
    void Attach(Nb201Supernet supernet);

    /// <summary>The architecture step on one α-half batch; adds its loss/accuracy to <paramref name="metrics"/>.</summary>
    void UpdateArchitecture(Nb201Supernet supernet, Tensor images, Tensor labels, TrainingStep step, RunningMean metrics);

    /// <summary>Mixing weights [edges, ops] for the weight step; the loop does not back-propagate into α through them.</summary>
    Tensor WeightStepMixing(Nb201Supernet supernet, TrainingStep step);

    /// <summary>The mixing weights selectors see, e.g. softmax(α) for DARTS.</summary>
    Tensor SelectionWeights(Nb201Supernet supernet);
}
