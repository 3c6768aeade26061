using System.Diagnostics;
using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Evaluation;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using TorchSharp;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>What a supernet training run produced besides the weights.</summary>
public sealed record SupernetTrainingResult(
    IReadOnlyList<EpochMetrics> Epochs, IReadOnlyList<double[][]> MixingHistory,
    IReadOnlyList<double[][]> AlphaHistory);

/// <summary>
/// The one training loop every supernet method shares: per step the method's architecture update on an α-half
/// batch, then an SGD step on the weights with the method's mixing; cosine learning rate per epoch; validation
/// under the method's own evaluation semantics after each epoch; a dispose scope per step so memory stays flat.
/// With a work folder it checkpoints at every epoch end and, when asked to stop, at the next step boundary; a
/// later run resumes from the newest checkpoint and ends with the same numbers as a run that never stopped.
/// </summary>
public static class SupernetTrainingLoop
{
    /// <summary>
    /// Seed of the generator that samples architectures for evaluation (GDAS, RSWS): the same every epoch.
    /// </summary>
    public const ulong EvaluationSeed = 201;

    public static SupernetTrainingResult Run(
        ISupernet supernet, ISupernetTrainer trainer, SearchData data, int seed, IProgressSink progress,
        string task, string? workDirectory = null, StopSignal? stop = null)
    {
        var o = trainer.Training;
        stop ??= StopSignal.Never;
        using var sgd = new WeightSgd(supernet.WeightParameters(), o.Sgd);
        var weightOptimizer = sgd.Optimizer;
        using var attachment = TrainerAttachment.Of(trainer, supernet);
        trainer.UseWeightOptimizer(weightOptimizer);
        // Both halves are augmented, as the references' search loaders both read the train transform's data.
        var weightBatches = new Batches(data.WeightHalf, data.Normalization, o.BatchSize, shuffle: true, seed,
            data.Augmentation);
        var alphaBatches = new Batches(data.AlphaHalf, data.Normalization, o.BatchSize, shuffle: true, seed + 7919,
            data.Augmentation);
        var validation = new Batches(data.AlphaHalf.Take(o.ValidSize), data.Normalization, Math.Max(o.BatchSize, 256),
            shuffle: false, 0);
        var steps = Math.Min(weightBatches.Count, alphaBatches.Count);

        var checkpoints = workDirectory is null ? null : new CheckpointStore(workDirectory, "supernet");
        void Save(SupernetRunState state) => checkpoints!.Save(checkpoint =>
        {
            checkpoint.Module("supernet", supernet.Module);
            checkpoint.Optimizer("weight-optimizer", weightOptimizer);
            trainer.SaveState(checkpoint);
            checkpoint.RandomState();
            checkpoint.Json("state", state);
        });
        var start = SupernetRunState.Start;
        if (checkpoints?.Latest() is { } saved)
        {
            saved.Module("supernet", supernet.Module);
            saved.Optimizer("weight-optimizer", weightOptimizer);
            trainer.LoadState(saved);
            saved.RandomState();
            start = saved.Json<SupernetRunState>("state");
            weightBatches.FastForward(start.WeightDraws);
            alphaBatches.FastForward(start.AlphaDraws);
            progress.Note(start.Position.Describe(task, o.Epochs, steps));
        }

        var (epochs, mixing, alphas) = (start.Epochs.ToList(), start.Mixing.ToList(), start.Alphas.ToList());
        var clock = new LoopClock(start.Position.Epoch * (long)steps + start.Position.Step, o.Epochs * (long)steps);
        for (var epoch = start.Position.Epoch; epoch < o.Epochs; epoch++)
        {
            var resumed = epoch == start.Position.Epoch;
            var epochClock = Stopwatch.StartNew();
            var secondsBefore = resumed ? start.EpochSeconds : 0;
            var lr = CosineSchedule.At(epoch, o.Epochs, o.LearningRate, o.LearningRateMin);
            CosineSchedule.Apply(weightOptimizer, lr);
            supernet.Module.train();
            var train = resumed ? new RunningMean(start.Train) : new RunningMean();
            var architecture = resumed ? new RunningMean(start.Architecture) : new RunningMean();
            var (weightDraws, alphaDraws) = (weightBatches.Draws, alphaBatches.Draws);
            var skip = resumed ? start.Position.Step : 0;
            using var weightEpoch = weightBatches.Epoch(skip).GetEnumerator();
            using var alphaEpoch = alphaBatches.Epoch(skip).GetEnumerator();

            // A stop between two steps saves exactly this point: the next step, the sums so far, this epoch's draws.
            NodeInterruptedException Stopped(int step)
            {
                if (checkpoints is null) return NothingSaved(task);
                Save(new SupernetRunState(new(epoch, step), weightDraws, alphaDraws, train.Totals, architecture.Totals,
                    secondsBefore + epochClock.Elapsed.TotalSeconds, epochs, mixing, alphas));
                return Interrupted(task, workDirectory!, $"epoch {epoch + 1}/{o.Epochs}, step {step}/{steps}");
            }

            for (var s = skip; s < steps; s++)
            {
                if (stop.Requested) throw Stopped(s);
                using var scope = NewDisposeScope();
                weightEpoch.MoveNext();
                alphaEpoch.MoveNext();
                var step = new TrainingStep(epoch, o.Epochs, s, steps, lr);
                var batch = new SearchBatch(
                    new Batch(ChannelsLast.Of(weightEpoch.Current.Images), weightEpoch.Current.Labels),
                    new Batch(ChannelsLast.Of(alphaEpoch.Current.Images), alphaEpoch.Current.Labels));
                trainer.UpdateArchitecture(supernet, batch, step, architecture);
                if (architecture.Last is { } alphaLoss)
                    Divergence.Check(alphaLoss, task, step, "architecture (α) loss");

                sgd.ZeroGrad();
                var logits = supernet.Forward(batch.Weights.Images,
                    trainer.WeightStepMixing(supernet, batch.Weights, step));
                var loss = nn.functional.cross_entropy(logits, batch.Weights.Labels);
                sgd.Step(loss);
                Divergence.Check(train.Add(loss, logits, batch.Weights.Labels), task, step);
                var eta = clock.Remaining(epoch * (long)steps + s + 1);
                progress.Step(task, epoch + 1, o.Epochs, s + 1, steps, train.Loss, eta);
            }
            // Validation takes minutes on a whole α half and changes nothing: a stop during it (null) saves the point
            // before it, and the rerun measures again.
            if (stop.Requested) throw Stopped(steps);
            Divergence.CheckWeights(supernet.Module.parameters(), task, epoch, o.Epochs, lr);
            var valid = Validate(supernet, trainer, validation, stop) ?? throw Stopped(steps);
            using (NewDisposeScope())
            using (no_grad())
            {
                mixing.Add(ToArray(trainer.SelectionWeights(supernet)));
                alphas.Add(ToArray(supernet.Alphas));
            }
            var metrics = new EpochMetrics(epoch + 1, lr, train.Loss, train.Accuracy,
                Nullable(architecture.Loss), Nullable(architecture.Accuracy), Nullable(valid.Loss),
                Nullable(valid.Accuracy),
                secondsBefore + epochClock.Elapsed.TotalSeconds, Memory.SettledRss());
            epochs.Add(metrics);
            if (checkpoints is not null)
            {
                var (weightDrawn, alphaDrawn) = (weightBatches.Draws, alphaBatches.Draws);
                Save(SupernetRunState.EpochEnd(epoch + 1, weightDrawn, alphaDrawn, epochs, mixing, alphas));
            }
            progress.Epoch(task, metrics, o.Epochs, clock.Remaining((epoch + 1) * (long)steps));
            if (stop.Requested && epoch + 1 < o.Epochs)
                throw checkpoints is null ? NothingSaved(task)
                    : Interrupted(task, workDirectory!, $"the end of epoch {epoch + 1}/{o.Epochs}");
        }
        return new SupernetTrainingResult(epochs, mixing, alphas);
    }

    /// <summary>
    /// Supernet accuracy on the validation images with the method's evaluation mixing; sampling methods draw from a
    /// generator reseeded each epoch, so epochs are compared on the same sampled architectures. Null when a stop
    /// was requested before it finished.
    /// </summary>
    static (double Loss, double Accuracy)? Validate(
        ISupernet supernet, ISupernetTrainer trainer, Batches validation, StopSignal stop)
    {
        supernet.Module.eval();
        try
        {
            using var generator = new Generator(EvaluationSeed);
            return Accuracy.Of(x =>
            {
                stop.ThrowIfRequested("validation");
                return supernet.Forward(ChannelsLast.Of(x), trainer.EvaluationMixing(supernet, generator));
            }, validation);
        }
        catch (NodeInterruptedException) { return null; }
        finally { supernet.Module.train(); }
    }

    static NodeInterruptedException Interrupted(string task, string workDirectory, string where) =>
        new($"{task}: stopped at {where}; checkpoint saved in {workDirectory}, a rerun resumes there");

    static NodeInterruptedException NothingSaved(string task) =>
        new($"{task}: stopped on request before finishing (no work folder: nothing saved)");

    static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    /// <summary>A [rows, cols] tensor as nested doubles (disposes nothing it did not create).</summary>
    public static double[][] ToArray(Tensor matrix)
    {
        using var cpu = matrix.detach().to(ScalarType.Float64).cpu();
        var flat = cpu.data<double>().ToArray();
        var cols = (int)matrix.shape[1];
        return Enumerable.Range(0, (int)matrix.shape[0]).Select(r => flat.AsSpan(r * cols, cols).ToArray()).ToArray();
    }

    /// <summary>
    /// Per-cell-type [edges, ops] tensors as one list of rows, cell type by cell type: the artifacts' format, the
    /// same as <see cref="ToArray(Tensor)"/> for a space with one cell type.
    /// </summary>
    public static double[][] ToArray(IEnumerable<Tensor> matrices) => matrices.SelectMany(ToArray).ToArray();
}
