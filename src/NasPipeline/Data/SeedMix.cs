namespace NasPipeline.Data;

/// <summary>
/// A generator seed from a run's seed and two counters (an epoch and a step, say): SplitMix64 steps over the three,
/// so neighbouring steps and epochs get unrelated draws, and a pure function, so a resumed run needs no saved state
/// to draw what an uninterrupted run draws.
/// </summary>
public static class SeedMix
{
    public static int Of(int seed, int first, int second) =>
        (int)(Mix(Mix(Mix((uint)seed) + (uint)first) + (uint)second) & int.MaxValue);

    static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
