namespace NasPipeline.Reporting;

/// <summary>
/// The compute and CO₂e section: the one-line footprint, the factors behind it, totals per stage, trainer and
/// selector, and every node's own numbers.
/// </summary>
public sealed record ComputeView(
    string Footprint, string Factors, string? EstimateNote, IReadOnlyList<ComputeRow> ByStage,
    IReadOnlyList<ComputeRow> ByTrainer, IReadOnlyList<ComputeRow> BySelector, IReadOnlyList<NodeRow> Nodes);

/// <summary>
/// A total: nodes (fractional when shares of shared nodes), wall hours, CPU core-hours, GPU hours, energy, CO₂e.
/// </summary>
public sealed record ComputeRow(
    string Name, string Nodes, string WallHours, string CoreHours, string GpuHours, string Energy, string Co2e);

/// <summary>One node: its id, stage, wall and CPU seconds ("–" when not recorded), threads and device.</summary>
public sealed record NodeRow(
    string Id, string Stage, string WallSeconds, string CpuSeconds, int Threads, string Device);
