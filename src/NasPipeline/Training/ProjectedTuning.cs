using System.Diagnostics;
using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>
/// DARTS-PT's fine-tuning between edge decisions: fresh optimisers, constant learning rate; decided edges stay
/// one-hot, undecided edges mix by softmax(α). With α options, each step first takes a first-order DARTS step on
/// α with an α-half batch; without, α stays fixed (the blank supernet) and only the weights train. The optimisers
/// live as long as this object, so a checkpoint can save them and a resumed run restore them.
/// </summary>
public sealed class ProjectedTuning : IDisposable
{
    readonly Nb201Supernet _supernet;
    readonly Tensor _mask;
    readonly Tensor _projected;
    readonly List<Parameter> _weights;
    readonly optim.Optimizer _weightOptimizer;
    readonly optim.Optimizer? _alphaOptimizer;
    readonly double _learningRate;
    readonly SupernetTrainingOptions _o;

    public ProjectedTuning(Nb201Supernet supernet, bool[] decided, Tensor projected, AlphaOptions? alpha,
        double learningRate, SupernetTrainingOptions o)
    {
        (_supernet, _learningRate, _o) = (supernet, learningRate, o);
        _mask = tensor(decided).unsqueeze(1);
        _projected = projected.detach().clone();
        _weights = supernet.WeightParameters().ToList();
        _weightOptimizer = optim.SGD(_weights, learningRate, o.Momentum, weight_decay: o.WeightDecay,
            nesterov: o.Nesterov);
        _alphaOptimizer = alpha is null ? null
            : optim.Adam([supernet.Alpha], alpha.LearningRate, alpha.Beta1, alpha.Beta2,
                weight_decay: alpha.WeightDecay);
    }

    /// <summary>Tunes for <paramref name="epochs"/> epochs without checkpoints.</summary>
    /// <returns>The mixing weights after tuning: projected rows for decided edges, softmax(α) elsewhere.</returns>
    public static Tensor Run(Nb201Supernet supernet, bool[] decided, Tensor projected, AlphaOptions? alpha,
        Batches weightBatches, Batches alphaBatches, int epochs, double learningRate, SupernetTrainingOptions o)
    {
        using var tuning = new ProjectedTuning(supernet, decided, projected, alpha, learningRate, o);
        var start = TuningPosition.Before(weightBatches.Draws, alphaBatches.Draws);
        tuning.Train(weightBatches, alphaBatches, epochs, start);
        return tuning.Mixing();
    }

    /// <summary>
    /// The current mixing weights, detached: projected rows for decided edges, softmax(α) elsewhere.
    /// </summary>
    public Tensor Mixing()
    {
        using var _ = no_grad();
        return Mixing(_supernet.SoftmaxWeights()).detach();
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
        _supernet.train();
        var steps = weightBatches.Count;
        var clock = new LoopClock(from.Position.Epoch * (long)steps + from.Position.Step, epochs * (long)steps);
        for (var epoch = from.Position.Epoch; epoch < epochs; epoch++)
        {
            var resumed = epoch == from.Position.Epoch;
            var epochClock = Stopwatch.StartNew();
            var mean = resumed ? new RunningMean(from.Mean) : new RunningMean();
            var (weightDraws, alphaDraws) = (weightBatches.Draws, alphaBatches.Draws);
            var skip = resumed ? from.Position.Step : 0;
            using var alphaEpoch = _alphaOptimizer is null ? null : alphaBatches.Epoch(skip).GetEnumerator();
            weightBatches.ForEach((images, labels, step) =>
            {
                if (stop.Requested)
                {
                    if (save is null) stop.ThrowIfRequested(task);
                    save!(new TuningPosition(new(epoch, step), weightDraws, alphaDraws, mean.Totals));
                    throw new NodeInterruptedException(
                        $"{task}: stopped at tuning epoch {epoch + 1}/{epochs}, step {step}/{steps}; checkpoint saved");
                }
                if (alphaEpoch is not null)
                {
                    if (!alphaEpoch.MoveNext()) return;
                    var (xa, ya) = alphaEpoch.Current;
                    _alphaOptimizer!.zero_grad();
                    var alphaLogits = _supernet.Forward(xa, Mixing(_supernet.SoftmaxWeights()));
                    nn.functional.cross_entropy(alphaLogits, ya).backward();
                    _alphaOptimizer.step();
                }
                _weightOptimizer.zero_grad();
                var logits = _supernet.Forward(images, Mixing(_supernet.SoftmaxWeights()).detach());
                var loss = nn.functional.cross_entropy(logits, labels);
                loss.backward();
                if (_o.GradClip > 0) nn.utils.clip_grad_norm_(_weights, _o.GradClip);
                _weightOptimizer.step();
                mean.Add(loss, logits, labels);
                var eta = clock.Remaining(epoch * (long)steps + step + 1);
                progress.Step(task, epoch + 1, epochs, step + 1, steps, mean.Loss, eta);
            }, skip);

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

    /// <summary>Both optimisers' state (momentum buffers, Adam moments and step counts).</summary>
    public void SaveState(CheckpointWriter checkpoint)
    {
        checkpoint.Optimizer("tuning-weight-optimizer", _weightOptimizer);
        if (_alphaOptimizer is not null) checkpoint.Optimizer("tuning-alpha-optimizer", _alphaOptimizer);
    }

    public void LoadState(CheckpointReader checkpoint)
    {
        checkpoint.Optimizer("tuning-weight-optimizer", _weightOptimizer);
        if (_alphaOptimizer is not null) checkpoint.Optimizer("tuning-alpha-optimizer", _alphaOptimizer);
    }

    Tensor Mixing(Tensor softmax) => where(_mask, _projected, softmax);

    public void Dispose()
    {
        _weightOptimizer.Dispose();
        _alphaOptimizer?.Dispose();
        _mask.Dispose();
        _projected.Dispose();
    }
}
