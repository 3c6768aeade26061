using System.Diagnostics;

namespace NasPipeline.Training;

/// <summary>
/// The ETA of a loop that may have resumed: the average step time counts only the steps run since this process
/// started the loop (<paramref name="stepsBefore"/> were done before).
/// </summary>
public sealed class LoopClock(long stepsBefore, long totalSteps)
{
    readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The time left once <paramref name="stepsDone"/> steps of the whole loop are done.</summary>
    public TimeSpan Remaining(long stepsDone) =>
        Eta.Remaining(_clock.Elapsed, stepsDone - stepsBefore, totalSteps - stepsBefore);
}
