namespace NasPipeline.Training;

/// <summary>One epoch of training: losses and accuracies on the batches it saw, learning rate, time and memory.</summary>
public sealed record EpochMetrics(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy, double? ValidLoss, double? ValidAccuracy,
    double Seconds, long RssBytes);
