using System.Diagnostics;
using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces.Nb201;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>
/// Trains a discrete network from scratch: SGD with momentum, cosine learning rate, gradient clipping. With a work
/// folder it checkpoints at every epoch end and, when asked to stop, at the next step boundary; a later run resumes
/// from the newest checkpoint with the same numbers as a run that never stopped.
/// </summary>
public static class DiscreteNetworkTraining
{
    public static IReadOnlyList<EpochMetrics> Run(
        DiscreteNetwork network, RetrainSection o, ImageSet train, Normalization normalization, int seed, IProgressSink progress,
        string task, string? workDirectory = null, StopSignal? stop = null)
    {
        stop ??= StopSignal.Never;
        var parameters = network.parameters().ToList();
        using var optimizer = optim.SGD(parameters, o.LearningRate, o.Momentum, weight_decay: o.WeightDecay, nesterov: o.Nesterov);
        var batches = new Batches(train, normalization, o.BatchSize, shuffle: true, seed);

        var checkpoints = workDirectory is null ? null : new CheckpointStore(workDirectory, "retrain");
        void Save(RetrainRunState state) => checkpoints!.Save(checkpoint =>
        {
            checkpoint.Module("network", network);
            checkpoint.Optimizer("optimizer", optimizer);
            checkpoint.RandomState();
            checkpoint.Json("state", state);
        });
        var start = RetrainRunState.Start;
        if (checkpoints?.Latest() is { } saved)
        {
            saved.Module("network", network);
            saved.Optimizer("optimizer", optimizer);
            saved.RandomState();
            start = saved.Json<RetrainRunState>("state");
            batches.FastForward(start.Draws);
            progress.Note(start.Position.Describe(task, o.Epochs, batches.Count));
        }

        var epochs = start.Epochs.ToList();
        var clock = Stopwatch.StartNew();
        var stepsBefore = start.Position.Epoch * (long)batches.Count + start.Position.Step;
        var totalSteps = o.Epochs * (long)batches.Count;
        for (var epoch = start.Position.Epoch; epoch < o.Epochs; epoch++)
        {
            var resumed = epoch == start.Position.Epoch;
            var epochClock = Stopwatch.StartNew();
            var secondsBefore = resumed ? start.EpochSeconds : 0;
            var lr = CosineSchedule.At(epoch, o.Epochs, o.LearningRate, o.LearningRateMin);
            CosineSchedule.Apply(optimizer, lr);
            network.train();
            var mean = resumed ? new RunningMean(start.Mean) : new RunningMean();
            var draws = batches.Draws;

            // A stop between two steps saves exactly this point: the next step, the sums so far, this epoch's draws.
            void StopIfRequested(int step)
            {
                if (!stop.Requested) return;
                if (checkpoints is null) stop.ThrowIfRequested(task);
                Save(new RetrainRunState(new(epoch, step), draws, mean.Totals, secondsBefore + epochClock.Elapsed.TotalSeconds, epochs));
                throw new NodeInterruptedException(
                    $"{task}: stopped at epoch {epoch + 1}/{o.Epochs}, step {step}/{batches.Count}; checkpoint saved in {workDirectory}");
            }

            batches.ForEach((images, labels, step) =>
            {
                StopIfRequested(step);
                optimizer.zero_grad();
                var logits = network.forward(images);
                var loss = nn.functional.cross_entropy(logits, labels);
                loss.backward();
                if (o.GradClip > 0) nn.utils.clip_grad_norm_(parameters, o.GradClip);
                optimizer.step();
                mean.Add(loss, logits, labels);
                var done = epoch * (long)batches.Count + step + 1;
                progress.Step(task, epoch + 1, o.Epochs, step + 1, batches.Count, mean.Loss,
                    Eta.Remaining(clock.Elapsed, done - stepsBefore, totalSteps - stepsBefore));
            }, skip: resumed ? start.Position.Step : 0);

            var metrics = new EpochMetrics(epoch + 1, lr, mean.Loss, mean.Accuracy, null, null, null, null,
                secondsBefore + epochClock.Elapsed.TotalSeconds, Memory.SettledRss());
            epochs.Add(metrics);
            if (checkpoints is not null) Save(RetrainRunState.EpochEnd(epoch + 1, batches.Draws, epochs));
            var epochsDone = (epoch + 1) * (long)batches.Count;
            progress.Epoch(task, metrics, o.Epochs, Eta.Remaining(clock.Elapsed, epochsDone - stepsBefore, totalSteps - stepsBefore));
            if (stop.Requested && epoch + 1 < o.Epochs)
            {
                if (checkpoints is null) stop.ThrowIfRequested(task);
                throw new NodeInterruptedException(
                    $"{task}: stopped at the end of epoch {epoch + 1}/{o.Epochs}; checkpoint saved in {workDirectory}");
            }
        }
        return epochs;
    }
}
