namespace NasPipeline.Training;

/// <summary>
/// One epoch of training: loss/accuracy on the weight batches, on the α batches (null when α is not learned),
/// on the validation images (null when not measured), learning rate, time and settled resident memory.
/// </summary>
public sealed record EpochMetrics(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy,
    double? ArchitectureLoss, double? ArchitectureAccuracy, double? ValidLoss, double? ValidAccuracy,
    double Seconds, long RssBytes);
