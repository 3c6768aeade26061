namespace NasPipeline.Training;

/// <summary>Resident set size of this process, the figure that must not grow epoch over epoch.</summary>
public static class Memory
{
    public static long Rss()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
