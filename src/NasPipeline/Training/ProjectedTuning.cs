using NasPipeline.Evaluation;
using System.Diagnostics;
using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>
/// DARTS-PT's fine-tuning between edge decisions (ruocwang/darts-pt <c>nasbench201/projection.py</c>
/// <c>pt_project</c>): one SGD weight optimiser at a constant learning rate, made once for the whole projection
/// (<c>reset_optimizer</c> before the first decision), and the trainer's own α step and α optimiser, also kept
/// across decisions (the reference goes on with the search's <c>architect</c>). The supernet trains the way its
/// trainer trained it, as the reference's darts-/sdarts-/blank-proj networks do: each step is the trainer's α step
/// (nothing for fixed-α trainers) and then a weight step under the trainer's weight-step mixing (perturbed for
/// SDARTS, sampled for DrNAS, GDAS, SNAS, RSWS), taken at the end of its schedules (final ε, τ), with decided edges
/// held one-hot in every forward (<see cref="ISupernet.FixedOps"/>). Undecided edges are then scored under the
/// trainer's selection weights (softmax(α) for DARTS, the Dirichlet mean for DrNAS).
/// </summary>
public sealed class ProjectedTuning : IDisposable
{
    readonly ISupernet _supernet;
    readonly ISupernetTrainer _trainer;
    readonly WeightSgd _sgd;
    readonly double _learningRate;
    readonly SupernetTrainingOptions _o;

    /// <summary>
    /// Attaches <paramref name="trainer"/> to <paramref name="supernet"/>: its α optimiser starts here.
    /// </summary>
    public ProjectedTuning(ISupernet supernet, ISupernetTrainer trainer, double learningRate)
    {
        (_supernet, _trainer, _learningRate, _o) = (supernet, trainer, learningRate, trainer.Training);
        _sgd = new WeightSgd(supernet.WeightParameters(), _o.Sgd, learningRate);
        trainer.Attach(supernet);
    }

    /// <summary>
    /// Whether the trainer learns α (then each tuning step also takes an α step on an α-half batch).
    /// </summary>
    public bool LearnsAlpha => _trainer.LearnsArchitecture;

    /// <summary>Holds the decided edges at their picks from now on (in tuning and in every other forward).</summary>
    /// <remarks>Picks and done flags are per stacked edge (<see cref="StackedEdges"/>).</remarks>
    public void Fix(IReadOnlyList<int> picks, IReadOnlyList<bool> done) =>
        _supernet.FixedOps = _supernet.Space.PerCellType(picks.Select((pick, e) => done[e] ? pick : -1).ToArray());

    /// <summary>Decides every edge of <paramref name="picks"/>, tunes for <paramref name="epochs"/> epochs.</summary>
    /// <returns>The mixing weights after tuning (see <see cref="Mixing"/>).</returns>
    public static Tensor Run(ISupernet supernet, ISupernetTrainer trainer, IReadOnlyList<int> picks,
        IReadOnlyList<bool> done, Batches weightBatches, Batches alphaBatches, int epochs, double learningRate)
    {
        using var tuning = new ProjectedTuning(supernet, trainer, learningRate);
        tuning.Fix(picks, done);
        var start = TuningPosition.Before(weightBatches.Draws, alphaBatches.Draws);
        tuning.Train(weightBatches, alphaBatches, epochs, start);
        return tuning.Mixing();
    }

    /// <summary>
    /// The current mixing weights [stacked edges, ops] (<see cref="StackedEdges"/>), detached: one-hot rows for
    /// decided edges, the trainer's selection weights
    /// elsewhere (no jump to softmax(α) for a trainer that selects by something else).
    /// </summary>
    public Tensor Mixing()
    {
        using var _ = no_grad();
        var weights = _trainer.SelectionWeights(_supernet);
        return _supernet.Space.Stack(_supernet.FixedOps is { } fixedOps
            ? SearchSpaces.Mixing.Of(weights).Fix(fixedOps).Weights.Select(w => w.detach()).ToList()
            : weights.Select(w => w.detach()).ToList());
    }

    /// <summary>
    /// Tunes from <paramref name="from"/> to the end of epoch <paramref name="epochs"/>. At every epoch end, and at a
    /// step boundary once <paramref name="stop"/> is requested, it hands <paramref name="save"/> where it is (the
    /// caller checkpoints that with <see cref="SaveState"/>); after a stop it throws
    /// <see cref="NodeInterruptedException"/>.
    /// </summary>
    public void Train(Batches weightBatches, Batches alphaBatches, int epochs, TuningPosition from,
        Action<TuningPosition>? save = null, StopSignal? stop = null, IProgressSink? progress = null,
        string task = "tuning")
    {
        (stop, progress) = (stop ?? StopSignal.Never, progress ?? NullProgress.Instance);
        if (from.Position.Epoch >= epochs) return;
        var steps = weightBatches.Count;
        // Where the trainer's schedules (SDARTS's ε, Gumbel τ) ended: the supernet as it was trained last.
        var end = new TrainingStep(Math.Max(_o.Epochs - 1, 0), _o.Epochs, 0, 1, _learningRate);
        var clock = new LoopClock(from.Position.Epoch * (long)steps + from.Position.Step, epochs * (long)steps);
        for (var epoch = from.Position.Epoch; epoch < epochs; epoch++)
        {
            _supernet.Module.train();
            var resumed = epoch == from.Position.Epoch;
            var epochClock = Stopwatch.StartNew();
            var mean = resumed ? new RunningMean(from.Mean) : new RunningMean();
            var architecture = new RunningMean();
            var (weightDraws, alphaDraws) = (weightBatches.Draws, alphaBatches.Draws);
            var skip = resumed ? from.Position.Step : 0;
            using var alphaEpoch = LearnsAlpha ? alphaBatches.Epoch(skip).GetEnumerator() : null;
            weightBatches.ForEach((images, labels, step) =>
            {
                if (stop.Requested)
                {
                    if (save is null) stop.ThrowIfRequested(task);
                    save!(new TuningPosition(new(epoch, step), weightDraws, alphaDraws, mean.Totals));
                    throw new NodeInterruptedException(
                        $"{task}: stopped at tuning epoch {epoch + 1}/{epochs}, step {step}/{steps}; checkpoint saved");
                }
                var batch = new Batch(ChannelsLast.Of(images), labels);
                if (alphaEpoch is not null)
                {
                    if (!alphaEpoch.MoveNext()) return;
                    var (xa, ya) = alphaEpoch.Current;
                    var search = new SearchBatch(batch, new Batch(ChannelsLast.Of(xa), ya));
                    _trainer.UpdateArchitecture(_supernet, search, end, architecture);
                    if (architecture.Last is { } alphaLoss)
                        Divergence.Check(alphaLoss, task, At(epoch, epochs, step, steps), "architecture (α) loss");
                }
                var mixing = _trainer.WeightStepMixing(_supernet, batch, end);
                _sgd.ZeroGrad();
                var logits = _supernet.Forward(batch.Images, mixing);
                var loss = nn.functional.cross_entropy(logits, labels);
                _sgd.Step(loss);
                Divergence.Check(mean.Add(loss, logits, labels), task, At(epoch, epochs, step, steps));
                var eta = clock.Remaining(epoch * (long)steps + step + 1);
                progress.Step(task, epoch + 1, epochs, step + 1, steps, mean.Loss, eta);
            }, skip);

            Divergence.CheckWeights(_supernet.Module.parameters(), task, epoch, epochs, _learningRate);
            save?.Invoke(new TuningPosition(new(epoch + 1, 0), weightBatches.Draws, alphaBatches.Draws, new(0, 0, 0)));
            var metrics = new EpochMetrics(epoch + 1, _learningRate, mean.Loss, mean.Accuracy, null, null, null, null,
                epochClock.Elapsed.TotalSeconds, Memory.SettledRss());
            progress.Epoch(task, metrics, epochs, clock.Remaining((epoch + 1) * (long)steps));
            if (stop.Requested)
            {
                if (save is null) stop.ThrowIfRequested(task);
                throw new NodeInterruptedException(
                    $"{task}: stopped at the end of tuning epoch {epoch + 1}/{epochs}; checkpoint saved");
            }
        }
    }

    /// <summary>Where a tuning step is, for a divergence message (the trainer's schedules use <c>end</c>).</summary>
    TrainingStep At(int epoch, int epochs, int step, int steps) => new(epoch, epochs, step, steps, _learningRate);

    /// <summary>
    /// Both optimisers' state (momentum buffers, the trainer's α optimiser moments and step counts).
    /// </summary>
    public void SaveState(CheckpointWriter checkpoint)
    {
        checkpoint.Optimizer("tuning-weight-optimizer", _sgd.Optimizer);
        _trainer.SaveState(checkpoint);
    }

    public void LoadState(CheckpointReader checkpoint)
    {
        checkpoint.Optimizer("tuning-weight-optimizer", _sgd.Optimizer);
        _trainer.LoadState(checkpoint);
    }

    /// <summary>
    /// Frees the weight optimiser and the trainer's α state, and lets the supernet mix freely again.
    /// </summary>
    public void Dispose()
    {
        _trainer.Detach();
        _sgd.Dispose();
        _supernet.FixedOps = null;
    }
}
