using NasPipeline.Evaluation;

namespace NasPipeline.Training;

/// <summary>
/// Where a <see cref="ProjectedTuning"/> run goes on: its position, how many orders each half's batches had drawn
/// when that epoch began (replayed on resume) and the epoch's running loss/accuracy sums so far.
/// </summary>
public sealed record TuningPosition(LoopPosition Position, int WeightDraws, int AlphaDraws, RunningMean.Sums Mean)
{
    /// <summary>A tuning run that has not begun, with the batches as they are now.</summary>
    public static TuningPosition Before(int weightDraws, int alphaDraws) =>
        new(LoopPosition.Start, weightDraws, alphaDraws, new(0, 0, 0));
}
