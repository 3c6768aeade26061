using NasPipeline.Manifest;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Selectors;
using NasPipeline.Selectors.Perturbation;
using NasPipeline.Tests.Checkpoints;
using NasPipeline.Tests.Trainers;
using NasPipeline.Trainers;
using NasPipeline.Trainers.Darts;
using NasPipeline.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Selectors.Perturbation;

/// <summary>DARTS-PT as ruocwang/darts-pt <c>nasbench201/projection.py</c> and <c>train_search.py</c> run it.</summary>
public sealed class PerturbationFidelityTests
{
    static readonly SupernetTrainingOptions Loop = new(3, 16, 0.05, 0.001, 0.9, true, 5e-4, 5);

    static PerturbationOptions Options(string keys) => PerturbationOptions.Read(TomlDocument.Parse(keys, "t").Root);

    static double[][] Favouring(int op) =>
        Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, 5).Select(k => k == op ? 0.6 : 0.1).ToArray()).ToArray();

    [Test]
    public void Read_Defaults_AreTheNb201SearchScript()
    {
        var o = Options("");
        Assert.That((o.Criterion, o.TuneEpochsBetween, o.TuneLearningRateFactor, o.TuneImages, o.EvalSize),
            Is.EqualTo(("acc", 5, 0.1, 0, 0)));
        Assert.That((o.BatchSize, o.EdgeOrder, o.ExcludeNone), Is.EqualTo((64, "random", false)),
            "valid_queue batches of args.batch_size = 64; edge_decision random; none a candidate");
    }

    /// <summary>
    /// The reference keeps the first op whose removal scores strictly worst (<c>compare(crit, crit_extrema)</c> with
    /// a strict comparison, ops in canonical order). A head that outputs zeros makes every removal score the same:
    /// the first op, <c>none</c>, on every edge, whatever the mixing weights favour.
    /// </summary>
    [Test]
    public void Select_WhenEveryRemovalScoresTheSame_KeepsTheFirstOp()
    {
        var data = TrainerKit.TinyData();
        using var supernet = TrainerKit.Supernet();
        using (no_grad())
            foreach (var linear in supernet.modules().OfType<Linear>())
            {
                linear.weight!.zero_();
                linear.bias?.zero_();
            }
        using var context = new SelectionContext(Favouring(4), 0, () => supernet, () => data,
            trainer: new KeepAlphaTrainer(Loop));
        var result = new PerturbationSelector(Options("tune_epochs_between = 0\neval_size = 16")).Select(context);
        Assert.That(result.Genotype.Choices[0], Is.All.EqualTo(Nb201Space.OperationIndex("none")));
    }

    /// <summary>
    /// <c>tune_epochs = proj_intv · (edges − 1)</c>, projecting at epochs 0, p, …, 4p and at the last epoch 5p −
    /// 1: p epochs after each of the first four decisions, p − 1 after the fifth.
    /// </summary>
    [Test]
    public void Select_TunesOneEpochFewerBeforeTheLastDecision()
    {
        var data = TrainerKit.TinyData();
        using var supernet = TrainerKit.Supernet();
        var progress = new StopAt();
        using var context = new SelectionContext(Favouring(3), 0, () => supernet, () => data,
            trainer: new KeepAlphaTrainer(Loop), progress: progress);
        new PerturbationSelector(Options("tune_epochs_between = 2\neval_size = 16")).Select(context);
        Assert.That(progress.Epochs.Select(e => e.Epoch), Is.EqualTo(new[] { 1, 2, 1, 2, 1, 2, 1, 2, 1 }));
    }

    /// <summary>
    /// One projection, one α optimiser: the trainer is attached once and its α step (and its weight-step mixing)
    /// runs at every tuning step of every interval, at the end of its schedules (last epoch of training).
    /// </summary>
    [Test]
    public void Select_TunesWithTheTrainersOwnStepsAndOneAlphaOptimiserThroughout()
    {
        var data = TrainerKit.TinyData();
        using var supernet = TrainerKit.Supernet();
        var trainer = new RecordingDartsTrainer(new DartsOptions(Loop, new AlphaOptions(3e-2, 0.5, 0.999, 1e-3)));
        using var context = new SelectionContext(Favouring(3), 0, () => supernet, () => data, trainer: trainer);
        new PerturbationSelector(Options("tune_epochs_between = 1\neval_size = 16")).Select(context);
        const int steps = 4 * 3; // epochs 1, 1, 1, 1, 0 of 3 steps (48 weight-half images, batches of 16)
        Assert.That(trainer.Attached, Is.EqualTo(1));
        Assert.That(trainer.ArchitectureSteps, Has.Count.EqualTo(steps));
        Assert.That(trainer.WeightSteps, Has.Count.EqualTo(steps));
        Assert.That(trainer.WeightSteps.Concat(trainer.ArchitectureSteps).Select(s => (s.Epoch, s.Epochs)),
            Is.All.EqualTo((2, 3)));
    }
}
