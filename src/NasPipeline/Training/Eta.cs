namespace NasPipeline.Training;

/// <summary>Remaining time from the average step time so far.</summary>
public static class Eta
{
    public static TimeSpan Remaining(TimeSpan elapsed, long done, long total) =>
        done <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(elapsed.TotalSeconds / done * (total - done));
}
