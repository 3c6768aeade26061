using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using NasPipeline.Trainers.Darts;
using NasPipeline.Training;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Tests.Selectors.Perturbation;

/// <summary>
/// DARTS-PT's "blank" supernet with α as a test set it: α is never learned nor reset, weight steps and selection
/// mix by softmax(α). (The catalog's fixed-α trainers zero α when attached, as they do at the start of training.)
/// </summary>
public sealed class KeepAlphaTrainer(SupernetTrainingOptions training) : ISupernetTrainer
{
    public SupernetTrainingOptions Training => training;
    public bool LearnsArchitecture => false;
    public void Attach(ISupernet supernet) { }
    public void UpdateArchitecture(
        ISupernet supernet, SearchBatch batch, TrainingStep step, RunningMean metrics) { }
    public Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step) =>
        Mixing.Of(supernet.SoftmaxWeights().Select(w => w.detach()));
    public Mixing EvaluationMixing(ISupernet supernet, Generator generator) => Mixing.Of(SelectionWeights(supernet));
    public IReadOnlyList<Tensor> SelectionWeights(ISupernet supernet) => supernet.SoftmaxWeights();
}

/// <summary>First-order DARTS that records what DARTS-PT's tuning asks of it.</summary>
public sealed class RecordingDartsTrainer(DartsOptions options) : DartsTrainer(options)
{
    public int Attached { get; private set; }
    public List<TrainingStep> ArchitectureSteps { get; } = [];
    public List<TrainingStep> WeightSteps { get; } = [];

    public override void Attach(ISupernet supernet)
    {
        Attached++;
        base.Attach(supernet);
    }

    public override void UpdateArchitecture(ISupernet supernet, SearchBatch batch, TrainingStep step,
        RunningMean metrics)
    {
        ArchitectureSteps.Add(step);
        base.UpdateArchitecture(supernet, batch, step, metrics);
    }

    public override Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step)
    {
        WeightSteps.Add(step);
        return base.WeightStepMixing(supernet, batch, step);
    }
}
