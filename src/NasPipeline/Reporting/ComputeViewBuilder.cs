using NasPipeline.Manifest;
using NasPipeline.Reporting.Compute;

namespace NasPipeline.Reporting;

/// <summary>The compute and CO₂e section, and the one footprint line a paper quotes.</summary>
public static class ComputeViewBuilder
{
    public static ComputeView Build(ExperimentManifest manifest, IReadOnlyList<NodeUsage> usage)
    {
        var f = manifest.Report.Footprint;
        var account = ComputeAccount.Of(usage, f, manifest.Trainers.Select(t => t.Id).ToList(),
            manifest.Selectors.Select(s => s.Id).ToList());
        return new ComputeView(FootprintLine(account, usage.Count),
            $"{Number(f.WattsPerCpuCore)} W per CPU core, {Number(f.WattsPerGpu)} W per GPU, PUE {Number(f.Pue)}, " +
            $"{Number(f.GramsCo2ePerKwh)} g CO₂e/kWh ([report] keys; defaults from the Green Algorithms calculator)",
            account.EstimatedNodes == 0 ? null
                : $"{account.EstimatedNodes} of {usage.Count} nodes were built before CPU time was recorded; " +
                  "for them CPU time is estimated as wall time × threads, the most they could have used.",
            account.ByStage.Select(x => Row(x.Name, x.Cost)).ToList(),
            account.ByTrainer.Select(x => Row(x.Name, x.Cost)).ToList(),
            account.BySelector.Select(x => Row(x.Name, x.Cost)).ToList(),
            usage.Select(n => new NodeRow(n.Id, n.Stage, Format.Seconds(n.WallSeconds),
                n.CpuSeconds is { } cpu ? Format.Seconds(cpu) : Format.None, n.Threads, n.Device)).ToList());
    }

    /// <summary>
    /// As papers state it ("25,400 GPU hours, 3,292 kg CO₂e"): CPU core-hours, GPU hours when any, energy and CO₂e.
    /// </summary>
    public static string FootprintLine(ComputeAccount account, int nodes)
    {
        var t = account.Total;
        var gpu = t.GpuSeconds > 0 ? $"{Format.Hours(t.GpuSeconds / 3600)} GPU hours, " : "";
        var estimated = account.EstimatedNodes == 0 ? ""
            : $"; CPU time estimated as wall × threads for {account.EstimatedNodes} nodes recorded without it";
        return $"{gpu}{Format.Hours(t.CoreSeconds / 3600)} CPU core-hours, {Format.Energy(t.KilowattHours)}, " +
               $"{Format.Co2e(t.GramsCo2e)} ({nodes} nodes, {Format.Hours(t.WallSeconds / 3600)} h of node wall time" +
               $"{estimated})";
    }

    static ComputeRow Row(string name, Footprint c) => new(name,
        c.Nodes % 1 == 0 ? Format.Count(c.Nodes) : c.Nodes.ToString("F1", Format.Invariant),
        Format.Hours(c.WallSeconds / 3600), Format.Hours(c.CoreSeconds / 3600), Format.Hours(c.GpuSeconds / 3600),
        Format.Energy(c.KilowattHours), Format.Co2e(c.GramsCo2e));

    static string Number(double v) => v.ToString("0.###", Format.Invariant);
}
