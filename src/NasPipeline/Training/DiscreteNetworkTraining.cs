using System.Diagnostics;
using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces.Nb201;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>Trains a discrete network from scratch: SGD with momentum, cosine learning rate, gradient clipping.</summary>
public static class DiscreteNetworkTraining
{
    public static IReadOnlyList<EpochMetrics> Run(
        DiscreteNetwork network, RetrainSection o, ImageSet train, Normalization normalization, int seed, IProgressSink progress, string task)
    {
        var parameters = network.parameters().ToList();
        using var optimizer = optim.SGD(parameters, o.LearningRate, o.Momentum, weight_decay: o.WeightDecay, nesterov: o.Nesterov);
        var batches = new Batches(train, normalization, o.BatchSize, shuffle: true, seed);
        var epochs = new List<EpochMetrics>();
        var clock = Stopwatch.StartNew();
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            var lr = CosineSchedule.At(epoch, o.Epochs, o.LearningRate, o.LearningRateMin);
            CosineSchedule.Apply(optimizer, lr);
            network.train();
            var mean = new RunningMean();
            batches.ForEach((images, labels, step) =>
            {
                optimizer.zero_grad();
                var logits = network.forward(images);
                var loss = nn.functional.cross_entropy(logits, labels);
                loss.backward();
                if (o.GradClip > 0) nn.utils.clip_grad_norm_(parameters, o.GradClip);
                optimizer.step();
                mean.Add(loss, logits, labels);
                progress.Step(task, epoch + 1, o.Epochs, step + 1, batches.Count, mean.Loss,
                    Eta.Remaining(clock.Elapsed, epoch * (long)batches.Count + step + 1, o.Epochs * (long)batches.Count));
            });
            var metrics = new EpochMetrics(epoch + 1, lr, mean.Loss, mean.Accuracy, null, null, null, null, epochClock.Elapsed.TotalSeconds, Memory.SettledRss());
            epochs.Add(metrics);
            progress.Epoch(task, metrics, o.Epochs, Eta.Remaining(clock.Elapsed, epoch + 1, o.Epochs));
        }
        return epochs;
    }
}
