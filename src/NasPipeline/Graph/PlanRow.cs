namespace NasPipeline.Graph;

/// <summary>One line of <c>nas plan</c>.</summary>
public sealed record PlanRow(string Id, string Stage, string Label, string? Key, string Status)
{
    public const string CachedStatus = "cached", WillRun = "will run", AfterUpstream = "will run (after upstream)";

    public bool Cached => Status == CachedStatus;

    public static PlanRow For(BoundNode node, bool cached) =>
        new(node.Node.Id, node.Node.Stage, node.Label, node.Key, cached ? CachedStatus : WillRun);

    public static PlanRow Pending(GraphNode node) => new(node.Id, node.Stage, node.Label, null, AfterUpstream);

    /// <summary>The plan's last line, e.g. <c>plan: 97 nodes, 97 cached, 0 to run</c>.</summary>
    public static string Summary(IReadOnlyCollection<PlanRow> rows) =>
        $"plan: {rows.Count} nodes, {rows.Count(r => r.Cached)} cached, {rows.Count(r => !r.Cached)} to run";
}
