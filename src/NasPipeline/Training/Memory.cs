using System.Runtime.InteropServices;

namespace NasPipeline.Training;

/// <summary>Resident set size of this process, the figure that must not grow epoch over epoch.</summary>
public static partial class Memory
{
    public static long Rss()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>
    /// Hands memory nobody uses back to the system, once per epoch: a full managed collection (batch buffers
    /// are large-object-heap arrays the GC is otherwise slow to reclaim) and glibc's <c>malloc_trim</c>, which
    /// releases the free pages libtorch's freed activations leave in malloc's arenas. Without it RSS climbs for
    /// several epochs while the live tensor count stays flat.
    /// </summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        if (!OperatingSystem.IsLinux()) return;
        try { MallocTrim(0); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { } // not glibc: nothing to trim
    }

    /// <summary>RSS after <see cref="Settle"/>: what the process really holds at this point of an epoch.</summary>
    public static long SettledRss()
    {
        Settle();
        return Rss();
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
