using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Training;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers;

/// <summary>
/// Trainers that never learn α: α is set to zero (uniform softmax) and left there, so selectors see uniform
/// mixing weights and must use something other than α to choose.
/// </summary>
public abstract class FixedAlphaTrainer(SupernetTrainingOptions training) : ISupernetTrainer
{
    public SupernetTrainingOptions Training => training;

    public bool LearnsArchitecture => false;

    public void Attach(ISupernet supernet)
    {
        // The scope takes the tensor handle zero_ returns, which would otherwise be left to the finalizer.
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        foreach (var alpha in supernet.Alphas) alpha.zero_();
    }

    public void UpdateArchitecture(ISupernet supernet, SearchBatch batch, TrainingStep step, RunningMean metrics) { }

    public abstract Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step);

    public abstract Mixing EvaluationMixing(ISupernet supernet, Generator generator);

    public IReadOnlyList<Tensor> SelectionWeights(ISupernet supernet) => supernet.SoftmaxWeights();
}
