using NasPipeline.Evaluation;

namespace NasPipeline.Training;

/// <summary>
/// What a supernet checkpoint holds besides tensors: the position; how many orders each half's batches had drawn
/// when that epoch began (replayed on resume); the epoch's running sums and seconds so far (a stop mid-epoch); and
/// everything finished epochs measured.
/// </summary>
sealed record SupernetRunState(
    LoopPosition Position, int WeightDraws, int AlphaDraws, RunningMean.Sums Train, RunningMean.Sums Architecture,
    double EpochSeconds, IReadOnlyList<EpochMetrics> Epochs, IReadOnlyList<double[][]> Mixing,
    IReadOnlyList<double[][]> Alphas)
{
    static readonly RunningMean.Sums Nothing = new(0, 0, 0);

    public static SupernetRunState Start => new(LoopPosition.Start, 0, 0, Nothing, Nothing, 0, [], [], []);

    /// <summary>After <paramref name="epochsDone"/> whole epochs: the next one starts from scratch.</summary>
    public static SupernetRunState EpochEnd(int epochsDone, int weightDraws, int alphaDraws,
        IReadOnlyList<EpochMetrics> epochs, IReadOnlyList<double[][]> mixing, IReadOnlyList<double[][]> alphas) =>
        new(new LoopPosition(epochsDone, 0), weightDraws, alphaDraws, Nothing, Nothing, 0, epochs, mixing, alphas);
}
