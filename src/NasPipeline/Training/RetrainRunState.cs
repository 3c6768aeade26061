using NasPipeline.Evaluation;

namespace NasPipeline.Training;

/// <summary>
/// What a retrain checkpoint holds besides tensors: the position, how many orders the batches had drawn when that
/// epoch began (replayed on resume), the epoch's running sums and seconds so far, and the finished epochs' metrics.
/// </summary>
sealed record RetrainRunState(
    LoopPosition Position, int Draws, RunningMean.Sums Mean, double EpochSeconds, IReadOnlyList<EpochMetrics> Epochs)
{
    public static RetrainRunState Start => new(LoopPosition.Start, 0, new(0, 0, 0), 0, []);

    /// <summary>After <paramref name="epochsDone"/> whole epochs: the next one starts from scratch.</summary>
    public static RetrainRunState EpochEnd(int epochsDone, int draws, IReadOnlyList<EpochMetrics> epochs) =>
        new(new LoopPosition(epochsDone, 0), draws, new(0, 0, 0), 0, epochs);
}
