using NasPipeline.Manifest;

namespace NasPipeline.Reporting.Compute;

/// <summary>Time, energy and CO₂e of a set of nodes (or of shares of them).</summary>
public sealed record Footprint(
    double Nodes, double WallSeconds, double CoreSeconds, double GpuSeconds, double KilowattHours, double GramsCo2e)
{
    public static readonly Footprint Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>
    /// <paramref name="share"/> of one node's cost: 1 for the whole node, 1/k for one of k cells reading it.
    /// </summary>
    public static Footprint Of(NodeUsage node, FootprintFactors f, double share = 1)
    {
        var kwh = (node.CoreSeconds * f.WattsPerCpuCore + node.GpuSeconds * f.WattsPerGpu) * f.Pue / 3.6e6;
        return new Footprint(share, node.WallSeconds * share, node.CoreSeconds * share, node.GpuSeconds * share,
            kwh * share, kwh * f.GramsCo2ePerKwh * share);
    }

    public static Footprint operator +(Footprint a, Footprint b) => new(a.Nodes + b.Nodes,
        a.WallSeconds + b.WallSeconds, a.CoreSeconds + b.CoreSeconds, a.GpuSeconds + b.GpuSeconds,
        a.KilowattHours + b.KilowattHours, a.GramsCo2e + b.GramsCo2e);
}
