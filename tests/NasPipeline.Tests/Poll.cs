using System.Diagnostics;

namespace NasPipeline.Tests;

/// <summary>Waiting in tests for something another process does (a job, a log line, a file).</summary>
public static class Poll
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails after <paramref name="seconds"/>.</summary>
    public static void Until(Func<bool> condition, Func<string> what, int seconds = 30)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
                Assert.Fail($"timed out after {seconds} s waiting for {what()}");
            Thread.Sleep(100);
        }
    }
}
