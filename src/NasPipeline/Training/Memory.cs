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
        // not glibc: nothing to trim
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    /// <summary>RSS after <see cref="Settle"/>: what the process really holds at this point of an epoch.</summary>
    public static long SettledRss()
    {
        Settle();
        return Rss();
    }

    /// <summary>
    /// Lets glibc keep freed memory for reuse within an epoch (<see cref="Settle"/> returns it at each epoch end):
    /// allocations up to 32 MiB come from the heap instead of fresh mmaps, and free() does not trim the heap.
    /// With glibc's defaults a training step's activations were mapped and unmapped over and over, and the page
    /// faults on the fresh pages cost about 15 % of a DARTS step on the NB201 supernet (C=8, N=1, two threads).
    /// Call once at start-up; a no-op off glibc.
    /// </summary>
    public static void KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            Mallopt(MmapThreshold, 32 << 20);   // glibc's maximum for this setting
            Mallopt(TrimThreshold, 1 << 30);
            Mallopt(TopPad, 64 << 20);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { } // not glibc
    }

    // glibc's M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD
    const int TrimThreshold = -1, TopPad = -2, MmapThreshold = -3;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
