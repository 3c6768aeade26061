namespace NasPipeline.Reporting.Compute;

/// <summary>A (trainer, selector, seed) cell of the study grid.</summary>
public sealed record GridCell(string Trainer, string Selector, int Seed);

/// <summary>
/// What one finished node of the study cost: wall and CPU seconds from its cache record, the torch threads and
/// device it ran with (the manifest's <c>[experiment]</c> compute settings, which are part of every compute node's
/// key, so they are exactly the node's), and the grid cells that read it (none for proxy nodes; several for a
/// supernet, a seed-level selection or a retrain that selectors share).
/// </summary>
public sealed record NodeUsage(
    string Id, string Stage, double WallSeconds, double? CpuSeconds, int Threads, string Device,
    IReadOnlyList<GridCell> Cells)
{
    public bool OnGpu => Device.StartsWith("cuda", StringComparison.Ordinal);

    /// <summary>
    /// Measured CPU time; for a record that predates CPU time, wall × threads, the most the node could have used
    /// (Green Algorithms' estimate with a usage factor of 1).
    /// </summary>
    public double CoreSeconds => CpuSeconds ?? WallSeconds * Threads;

    public bool CoreSecondsEstimated => CpuSeconds is null;

    /// <summary>One GPU per node for its whole wall time when it ran on CUDA.</summary>
    public double GpuSeconds => OnGpu ? WallSeconds : 0;
}
