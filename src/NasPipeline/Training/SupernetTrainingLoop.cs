using System.Diagnostics;
using NasPipeline.Data;
using NasPipeline.Evaluation;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using TorchSharp;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>What a supernet training run produced besides the weights.</summary>
public sealed record SupernetTrainingResult(IReadOnlyList<EpochMetrics> Epochs, IReadOnlyList<double[][]> MixingHistory, IReadOnlyList<double[][]> AlphaHistory);

/// <summary>
/// The one training loop every supernet method shares: per step the method's architecture update on an α-half
/// batch, then an SGD step on the weights with the method's mixing; cosine learning rate per epoch; validation
/// under the method's own evaluation semantics after each epoch; a dispose scope per step so memory stays flat.
/// </summary>
public static class SupernetTrainingLoop
{
    /// <summary>Seed of the generator that samples architectures for evaluation (GDAS, RSWS): the same every epoch.</summary>
    public const ulong EvaluationSeed = 201;

    public static SupernetTrainingResult Run(
        Nb201Supernet supernet, ISupernetTrainer trainer, SearchData data, int seed, IProgressSink progress, string task)
    {
        var o = trainer.Training;
        var weights = supernet.WeightParameters().ToList();
        using var weightOptimizer = optim.SGD(weights, o.LearningRate, o.Momentum, weight_decay: o.WeightDecay, nesterov: o.Nesterov);
        trainer.Attach(supernet);
        var weightBatches = new Batches(data.WeightHalf, data.Normalization, o.BatchSize, shuffle: true, seed);
        var alphaBatches = new Batches(data.AlphaHalf, data.Normalization, o.BatchSize, shuffle: true, seed + 7919);
        var validation = new Batches(data.AlphaHalf.Take(o.ValidSize), data.Normalization, Math.Max(o.BatchSize, 256), shuffle: false, 0);
        var steps = Math.Min(weightBatches.Count, alphaBatches.Count);

        var epochs = new List<EpochMetrics>();
        var mixing = new List<double[][]>();
        var alphas = new List<double[][]>();
        var clock = Stopwatch.StartNew();
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            var lr = CosineSchedule.At(epoch, o.Epochs, o.LearningRate, o.LearningRateMin);
            CosineSchedule.Apply(weightOptimizer, lr);
            supernet.train();
            var train = new RunningMean();
            var architecture = new RunningMean();
            using var weightEpoch = weightBatches.Epoch().GetEnumerator();
            using var alphaEpoch = alphaBatches.Epoch().GetEnumerator();
            for (var s = 0; s < steps; s++)
            {
                using var scope = NewDisposeScope();
                weightEpoch.MoveNext();
                alphaEpoch.MoveNext();
                var step = new TrainingStep(epoch, o.Epochs, s, steps, lr);
                var batch = new SearchBatch(new Batch(weightEpoch.Current.Images, weightEpoch.Current.Labels),
                    new Batch(alphaEpoch.Current.Images, alphaEpoch.Current.Labels));
                trainer.UpdateArchitecture(supernet, batch, step, architecture);

                weightOptimizer.zero_grad();
                var logits = supernet.Forward(batch.Weights.Images, trainer.WeightStepMixing(supernet, batch.Weights, step));
                var loss = nn.functional.cross_entropy(logits, batch.Weights.Labels);
                loss.backward();
                if (o.GradClip > 0) nn.utils.clip_grad_norm_(weights, o.GradClip);
                weightOptimizer.step();
                train.Add(loss, logits, batch.Weights.Labels);
                progress.Step(task, epoch + 1, o.Epochs, s + 1, steps, train.Loss,
                    Eta.Remaining(clock.Elapsed, epoch * (long)steps + s + 1, o.Epochs * (long)steps));
            }

            var valid = Validate(supernet, trainer, validation);
            using (NewDisposeScope())
            using (no_grad())
            {
                mixing.Add(ToArray(trainer.SelectionWeights(supernet)));
                alphas.Add(ToArray(supernet.Alpha));
            }
            var metrics = new EpochMetrics(epoch + 1, lr, train.Loss, train.Accuracy,
                Nullable(architecture.Loss), Nullable(architecture.Accuracy), Nullable(valid.Loss), Nullable(valid.Accuracy),
                epochClock.Elapsed.TotalSeconds, Memory.SettledRss());
            epochs.Add(metrics);
            progress.Epoch(task, metrics, o.Epochs, Eta.Remaining(clock.Elapsed, epoch + 1, o.Epochs));
        }
        return new SupernetTrainingResult(epochs, mixing, alphas);
    }

    /// <summary>
    /// Supernet accuracy on the validation images with the method's evaluation mixing; sampling methods draw from a
    /// generator reseeded each epoch, so epochs are compared on the same sampled architectures.
    /// </summary>
    static (double Loss, double Accuracy) Validate(Nb201Supernet supernet, ISupernetTrainer trainer, Batches validation)
    {
        supernet.eval();
        using var generator = new Generator(EvaluationSeed);
        var result = Accuracy.Of(x => supernet.Forward(x, trainer.EvaluationMixing(supernet, generator)), validation);
        supernet.train();
        return result;
    }

    static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    /// <summary>A [rows, cols] tensor as nested doubles (disposes nothing it did not create).</summary>
    public static double[][] ToArray(Tensor matrix)
    {
        using var cpu = matrix.detach().to(ScalarType.Float64).cpu();
        var flat = cpu.data<double>().ToArray();
        var cols = (int)matrix.shape[1];
        return Enumerable.Range(0, (int)matrix.shape[0]).Select(r => flat.AsSpan(r * cols, cols).ToArray()).ToArray();
    }
}
