using NasPipeline.Manifest;

namespace NasPipeline.Reporting.Compute;

/// <summary>
/// The study's compute bill: every node once in the total and per stage; per trainer and per selector a node
/// that k grid cells read is split into k equal shares, so shared supernets, seed-level selections and shared
/// retrains are neither dropped nor counted twice. Supernet training is not a selector's cost (every selector reads
/// the same supernet), so the selector totals cover select, retrain and evaluate nodes only.
/// </summary>
public sealed record ComputeAccount(
    Footprint Total, IReadOnlyList<(string Name, Footprint Cost)> ByStage,
    IReadOnlyList<(string Name, Footprint Cost)> ByTrainer, IReadOnlyList<(string Name, Footprint Cost)> BySelector,
    int EstimatedNodes, FootprintFactors Factors)
{
    public static ComputeAccount Of(
        IReadOnlyList<NodeUsage> nodes, FootprintFactors factors, IReadOnlyList<string> trainers,
        IReadOnlyList<string> selectors)
    {
        var total = nodes.Aggregate(Footprint.Zero, (sum, n) => sum + Footprint.Of(n, factors));
        var byStage = nodes.GroupBy(n => n.Stage)
            .Select(g => (g.Key, g.Aggregate(Footprint.Zero, (sum, n) => sum + Footprint.Of(n, factors)))).ToList();
        return new ComputeAccount(total, byStage,
            Shares(nodes, factors, trainers, c => c.Trainer, _ => true),
            Shares(nodes, factors, selectors, c => c.Selector, n => n.Stage != "train"),
            nodes.Count(n => n.CoreSecondsEstimated), factors);
    }

    static List<(string, Footprint)> Shares(IReadOnlyList<NodeUsage> nodes, FootprintFactors factors,
        IReadOnlyList<string> names, Func<GridCell, string> owner, Func<NodeUsage, bool> counts)
    {
        var sums = names.ToDictionary(n => n, _ => Footprint.Zero);
        foreach (var node in nodes.Where(n => n.Cells.Count > 0 && counts(n)))
        {
            var owners = node.Cells.Select(owner).Distinct().ToList();
            foreach (var name in owners.Where(sums.ContainsKey))
                sums[name] += Footprint.Of(node, factors, 1.0 / owners.Count);
        }
        return names.Select(n => (n, sums[n])).ToList();
    }
}
