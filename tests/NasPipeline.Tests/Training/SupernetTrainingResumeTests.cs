using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Evaluation;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Tests.Checkpoints;
using NasPipeline.Tests.Trainers;
using NasPipeline.Trainers;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Training;

/// <summary>
/// A supernet run stopped (as SIGTERM would) and resumed in a fresh supernet and loop must end exactly where a run
/// that never stopped ends: same α and mixing history, same metrics, same weights bit for bit, same accuracy. Tiny
/// data: 3 steps per epoch, 4 epochs.
/// </summary>
public sealed class SupernetTrainingResumeTests
{
    const int Seed = 3;
    const string Keys = "epochs = 4\nbatch_size = 16\nlr = 0.05\nalpha_lr = 3e-3";
    static readonly SearchData Data = TrainerKit.TinyData();
    static readonly Dictionary<string, Outcome> Uninterrupted = [];

    sealed record Outcome(
        SupernetTrainingResult Result, Dictionary<string, byte[]> Weights, double TestAccuracy,
        List<EpochMetrics> Reported);

    static Outcome Train(string method, string? work, StopAt progress, SearchData? data = null)
    {
        manual_seed(Seed); // as the stage does before building the supernet
        using var supernet = new Nb201Supernet(4, 1, 1, 3);
        var trainer = TrainerKit.Trainer(method, Keys);
        var result = SupernetTrainingLoop.Run(supernet, trainer, data ?? Data, Seed, progress, "t", work,
            progress.Signal);
        supernet.eval();
        using var softmax = supernet.SoftmaxWeights().detach();
        var test = new Batches(Data.Test, Data.Normalization, 16, shuffle: false, 0);
        var (_, accuracy) = Accuracy.Of(x => supernet.Forward(x, softmax), test);
        return new Outcome(result, TensorBytes.Of(supernet), accuracy, progress.Epochs);
    }

    static Outcome Reference(string method)
    {
        if (!Uninterrupted.TryGetValue(method, out var outcome))
            Uninterrupted[method] = outcome = Train(method, null, StopAt.Never());
        return outcome;
    }

    /// <summary>Runs until the stop, then again from the work folder; returns the second run and its notes.</summary>
    static (Outcome Outcome, List<string> Notes) StopAndResume(string method, StopAt stop)
    {
        using var work = new TempDirectory();
        Assert.Throws<NodeInterruptedException>(() => Train(method, work.Path, stop));
        var resumed = new StopAt();
        return (Train(method, work.Path, resumed), resumed.Notes);
    }

    static void AssertSame(Outcome expected, Outcome actual)
    {
        Assert.That(actual.Result.AlphaHistory, Is.EqualTo(expected.Result.AlphaHistory), "α history");
        Assert.That(actual.Result.MixingHistory, Is.EqualTo(expected.Result.MixingHistory), "mixing history");
        Assert.That(Comparable(actual.Result.Epochs), Is.EqualTo(Comparable(expected.Result.Epochs)), "epoch metrics");
        Assert.That(actual.Weights.Keys, Is.EquivalentTo(expected.Weights.Keys));
        foreach (var (name, bytes) in expected.Weights) Assert.That(actual.Weights[name], Is.EqualTo(bytes), name);
        Assert.That(actual.TestAccuracy, Is.EqualTo(expected.TestAccuracy), "final accuracy");
    }

    static List<EpochMetrics> Comparable(IEnumerable<EpochMetrics> epochs) =>
        epochs.Select(m => m with { Seconds = 0, RssBytes = 0 }).ToList();

    static readonly string[] Methods =
        ["darts", "darts-2nd", "sdarts-adv", "sdarts-rs", "gdas", "snas", "drnas", "rsws", "oneshot"];

    [Test]
    public void Resume_AfterStopMidEpoch_EqualsUninterruptedRun([ValueSource(nameof(Methods))] string method)
    {
        var (outcome, notes) = StopAndResume(method, new StopAt(steps: 5)); // epoch 2, before its step 3
        AssertSame(Reference(method), outcome);
        Assert.That(notes, Is.EqualTo(new[] { "resuming t from epoch 2/4, step 3/3" }));
    }

    [Test]
    public void Resume_AfterStopAtEpochEnd_EqualsUninterruptedRun([ValueSource(nameof(Methods))] string method)
    {
        var (outcome, notes) = StopAndResume(method, new StopAt(epochs: 2));
        AssertSame(Reference(method), outcome);
        Assert.That(notes, Is.EqualTo(new[] { "resuming t from epoch 3/4" }));
    }

    [TestCase("darts")]
    [TestCase("gdas")]
    public void Resume_AfterStopBeforeValidation_EqualsUninterruptedRun(string method)
    {
        var (outcome, notes) = StopAndResume(method, new StopAt(steps: 6)); // after epoch 2's last step
        AssertSame(Reference(method), outcome);
        Assert.That(notes, Is.EqualTo(new[] { "resuming t at epoch 2/4, after its 3 steps" }));
    }

    [TestCase("darts")]
    [TestCase("gdas")]
    public void Resume_WithCropFlip_AfterStopMidEpoch_EqualsUninterruptedRun(string method)
    {
        var augmented = Data with { Augmentation = Augmentations.Of("crop-flip") };
        var expected = Train(method, null, StopAt.Never(), augmented);
        Assert.That(expected.Result.AlphaHistory, Is.Not.EqualTo(Reference(method).Result.AlphaHistory),
            "both halves' batches are augmented");
        using var work = new TempDirectory();
        Assert.Throws<NodeInterruptedException>(() => Train(method, work.Path, new StopAt(steps: 5), augmented));
        AssertSame(expected, Train(method, work.Path, new StopAt(), augmented));
    }

    [Test]
    public void Resume_StoppedTwice_EqualsUninterruptedRun()
    {
        using var work = new TempDirectory();
        Assert.Throws<NodeInterruptedException>(() => Train("drnas", work.Path, new StopAt(steps: 2)));
        Assert.Throws<NodeInterruptedException>(() => Train("drnas", work.Path, new StopAt(steps: 5))); // at step 7
        AssertSame(Reference("drnas"), Train("drnas", work.Path, new StopAt()));
    }

    [Test]
    public void Resume_ReportsEveryEpochOnceAcrossTheStop()
    {
        using var work = new TempDirectory();
        var first = new StopAt(epochs: 1);
        Assert.Throws<NodeInterruptedException>(() => Train("gdas", work.Path, first));
        var second = Train("gdas", work.Path, new StopAt());
        Assert.That(first.Epochs.Concat(second.Reported), Is.EqualTo(Reference("gdas").Reported));
    }

    [Test]
    public void Resume_AfterTheLastEpoch_TrainsNothingAndReturnsTheSameResult()
    {
        using var work = new TempDirectory();
        Train("darts", work.Path, new StopAt());
        var again = new StopAt();
        var outcome = Train("darts", work.Path, again);
        AssertSame(Reference("darts"), outcome);
        Assert.That(again.Epochs, Is.Empty);
        Assert.That(again.Notes, Is.EqualTo(new[] { "resuming t: all 4 epochs were done before it stopped" }));
    }

    [Test]
    public void Run_WithAnEmptyWorkFolder_EqualsRunWithout()
    {
        using var work = new TempDirectory();
        var progress = new StopAt();
        AssertSame(Reference("sdarts-rs"), Train("sdarts-rs", work.Path, progress));
        Assert.That(progress.Notes, Is.Empty, "nothing to resume from");
    }

    [Test]
    public void Run_StopWithoutWorkFolder_StopsWithNothingSaved()
    {
        var ex = Assert.Throws<NodeInterruptedException>(() => Train("darts", null, new StopAt(steps: 1)));
        Assert.That(ex!.Message, Does.Contain("nothing saved"));
    }

    /// <summary>A trainer that raises the stop during validation, at its Nth evaluation mixing (one a batch).</summary>
    sealed class StopDuringValidation(ISupernetTrainer inner, StopSignal stop, int call) : ISupernetTrainer
    {
        int _calls;
        public SupernetTrainingOptions Training => inner.Training;
        public void Attach(ISupernet supernet) => inner.Attach(supernet);
        public void UseWeightOptimizer(optim.Optimizer optimizer) => inner.UseWeightOptimizer(optimizer);
        public void UpdateArchitecture(ISupernet net, SearchBatch batch, TrainingStep step, RunningMean mean) =>
            inner.UpdateArchitecture(net, batch, step, mean);
        public Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step) =>
            inner.WeightStepMixing(supernet, batch, step);
        public IReadOnlyList<Tensor> SelectionWeights(ISupernet supernet) => inner.SelectionWeights(supernet);
        public void SaveState(CheckpointWriter checkpoint) => inner.SaveState(checkpoint);
        public void LoadState(CheckpointReader checkpoint) => inner.LoadState(checkpoint);

        public Mixing EvaluationMixing(ISupernet supernet, Generator generator)
        {
            if (++_calls == call) stop.Request();
            return inner.EvaluationMixing(supernet, generator);
        }
    }

    [Test]
    public void Resume_AfterStopDuringValidation_EqualsUninterruptedRun()
    {
        // 300 α-half images: validation takes two batches (256 + 44); the stop comes in the first of epoch 2's.
        var synthetic = new SyntheticOptions(8, 1, 3, 600, 32, 0.3);
        var (train, test) = SyntheticData.Generate(synthetic, 1);
        var section = new DatasetSection("synthetic", null, 0, 0, 0, 1, synthetic, "none");
        var data = SearchData.Split(train, test, section);
        SupernetTrainingResult Run(string? work, StopSignal stop, int stopAtCall, List<string> notes)
        {
            manual_seed(Seed);
            using var supernet = new Nb201Supernet(4, 1, 1, 3);
            var gdas = TrainerKit.Trainer("gdas", "epochs = 3\nbatch_size = 64");
            var trainer = new StopDuringValidation(gdas, stop, stopAtCall);
            var progress = new StopAt();
            var result = SupernetTrainingLoop.Run(supernet, trainer, data, Seed, progress, "t", work, stop);
            notes.AddRange(progress.Notes);
            return result;
        }
        var expected = Run(null, new StopSignal(), 0, []);
        using var work = new TempDirectory();
        var first = new List<string>();
        var ex = Assert.Throws<NodeInterruptedException>(() => Run(work.Path, new StopSignal(), 3, first));
        Assert.That(ex!.Message, Does.Contain("epoch 2/3, step 5/5"));
        var notes = new List<string>();
        var actual = Run(work.Path, new StopSignal(), 0, notes);
        Assert.That(notes, Is.EqualTo(new[] { "resuming t at epoch 2/3, after its 5 steps" }));
        Assert.That(actual.AlphaHistory, Is.EqualTo(expected.AlphaHistory));
        Assert.That(Comparable(actual.Epochs), Is.EqualTo(Comparable(expected.Epochs)));
    }

    [Test]
    public void Run_StopMessageSaysWhereAndThatACheckpointWasSaved()
    {
        using var work = new TempDirectory();
        var ex = Assert.Throws<NodeInterruptedException>(() => Train("darts", work.Path, new StopAt(steps: 4)));
        Assert.That(ex!.Message, Does.Contain("epoch 2/4, step 1/3").And.Contain("checkpoint saved"));
    }

    /// <summary>Live tensors at each epoch end, counted from the run's start (earlier runs leave some to GC).</summary>
    sealed class LiveTensors(StopSignal? stop = null, int? stopAfterEpoch = null) : IProgressSink
    {
        readonly long _before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        public List<long> PerEpoch { get; } = [];
        public void Step(string task, int epoch, int epochs, int step, int steps, double loss, TimeSpan eta) { }
        public void Epoch(string task, EpochMetrics metrics, int epochs, TimeSpan eta)
        {
            PerEpoch.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount - _before);
            if (metrics.Epoch == stopAfterEpoch) stop?.Request();
        }
    }

    [Test]
    public void Run_WithCheckpoints_KeepsTheLiveTensorCountOfARunWithout()
    {
        List<long> Count(string? work, int? stopAfterEpoch = null)
        {
            var stop = new StopSignal();
            var live = new LiveTensors(stop, stopAfterEpoch);
            manual_seed(0);
            using var supernet = new Nb201Supernet(4, 1, 1, 3);
            var trainer = TrainerKit.Trainer("darts", Keys);
            try { SupernetTrainingLoop.Run(supernet, trainer, Data, 0, live, "t", work, stop); }
            catch (NodeInterruptedException) { }
            return live.PerEpoch;
        }
        using var work = new TempDirectory();
        using var interrupted = new TempDirectory();
        var without = Count(null);
        var with = Count(work.Path);
        Count(interrupted.Path, stopAfterEpoch: 1);
        var resumed = Count(interrupted.Path);
        Assert.That(without.Skip(1), Is.All.EqualTo(without[0]), string.Join(", ", without));
        Assert.That(with, Is.EqualTo(without), "checkpointing every epoch");
        Assert.That(resumed, Is.EqualTo(without.Skip(1)), "after resuming");
    }
}
