using NasPipeline.Evaluation;
using System.Diagnostics;
using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Manifest;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>
/// Trains a discrete network from scratch: SGD with momentum, cosine learning rate, gradient clipping, batches
/// through the data set's augmentation (the references' train transform), and where [retrain] asks for them
/// DARTS's evaluation regularisers (quark0/darts cnn/train.py): the auxiliary loss (<see cref="RetrainLoss"/>)
/// and the drop-path schedule (<see cref="DropPathSchedule"/>); cutout is the caller's augmentation. With a work
/// folder it checkpoints at every epoch end and, when asked to stop, at the next step boundary; a later run resumes
/// from the newest checkpoint and ends with the same numbers as a run that never stopped.
/// </summary>
public static class DiscreteNetworkTraining
{
    public static IReadOnlyList<EpochMetrics> Run(
        nn.Module<Tensor, Tensor> network, RetrainSection o, ImageSet train, Normalization normalization,
        IAugmentation augmentation, int seed, IProgressSink progress, string task, string? workDirectory = null,
        StopSignal? stop = null)
    {
        stop ??= StopSignal.Never;
        var parameters = network.parameters().ToList();
        using var sgd = new WeightSgd(parameters, o.Sgd);
        var optimizer = sgd.Optimizer;
        var batches = new Batches(train, normalization, o.BatchSize, shuffle: true, seed, augmentation);
        var loss = new RetrainLoss(network, o.AuxiliaryWeight);
        using var dropPath = DropPathSchedule.For(network, o.DropPath, seed);
        var steps = batches.Count;

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
            progress.Note(start.Position.Describe(task, o.Epochs, steps));
        }

        var epochs = start.Epochs.ToList();
        var clock = new LoopClock(start.Position.Epoch * (long)steps + start.Position.Step, o.Epochs * (long)steps);
        for (var epoch = start.Position.Epoch; epoch < o.Epochs; epoch++)
        {
            var resumed = epoch == start.Position.Epoch;
            var epochClock = Stopwatch.StartNew();
            var secondsBefore = resumed ? start.EpochSeconds : 0;
            var lr = CosineSchedule.At(epoch, o.Epochs, o.LearningRate, o.LearningRateMin);
            CosineSchedule.Apply(optimizer, lr);
            dropPath?.Epoch(epoch, o.Epochs);
            network.train();
            var mean = resumed ? new RunningMean(start.Mean) : new RunningMean();
            var draws = batches.Draws;
            batches.ForEach((images, labels, step) =>
            {
                // A stop between two steps saves exactly this point: next step, sums so far, this epoch's draws.
                if (stop.Requested)
                {
                    if (checkpoints is null) throw NothingSaved(task);
                    var seconds = secondsBefore + epochClock.Elapsed.TotalSeconds;
                    Save(new RetrainRunState(new(epoch, step), draws, mean.Totals, seconds, epochs));
                    throw Interrupted(task, workDirectory!, $"epoch {epoch + 1}/{o.Epochs}, step {step}/{steps}");
                }
                sgd.ZeroGrad();
                dropPath?.Step(epoch, step);
                var (logits, total) = loss.Of(ChannelsLast.Of(images), labels);
                sgd.Step(total);
                var at = new TrainingStep(epoch, o.Epochs, step, steps, lr);
                Divergence.Check(mean.Add(total, logits, labels), task, at);
                var eta = clock.Remaining(epoch * (long)steps + step + 1);
                progress.Step(task, epoch + 1, o.Epochs, step + 1, steps, mean.Loss, eta);
            }, skip: resumed ? start.Position.Step : 0);
            Divergence.CheckWeights(parameters, task, epoch, o.Epochs, lr);

            var metrics = new EpochMetrics(epoch + 1, lr, mean.Loss, mean.Accuracy, null, null, null, null,
                secondsBefore + epochClock.Elapsed.TotalSeconds, Memory.SettledRss());
            epochs.Add(metrics);
            if (checkpoints is not null) Save(RetrainRunState.EpochEnd(epoch + 1, batches.Draws, epochs));
            progress.Epoch(task, metrics, o.Epochs, clock.Remaining((epoch + 1) * (long)steps));
            if (stop.Requested && epoch + 1 < o.Epochs)
                throw checkpoints is null ? NothingSaved(task)
                    : Interrupted(task, workDirectory!, $"the end of epoch {epoch + 1}/{o.Epochs}");
        }
        return epochs;
    }

    static NodeInterruptedException Interrupted(string task, string workDirectory, string where) =>
        new($"{task}: stopped at {where}; checkpoint saved in {workDirectory}, a rerun resumes there");

    static NodeInterruptedException NothingSaved(string task) =>
        new($"{task}: stopped on request before finishing (no work folder: nothing saved)");
}
