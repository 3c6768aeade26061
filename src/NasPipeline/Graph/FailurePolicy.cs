using NasPipeline.Manifest;

namespace NasPipeline.Graph;

/// <summary>
/// Whether a node may start once some nodes have failed (or were skipped), the same rule in every executor: with
/// <see cref="OnFailure.Stop"/> none may; with <see cref="OnFailure.Continue"/> a node that reads no failed node
/// may, and so may a gathering node (the report), whatever failed.
/// </summary>
public static class FailurePolicy
{
    public static bool MayStart(GraphNode node, OnFailure onFailure, IReadOnlySet<GraphNode> failed) =>
        failed.Count == 0 || (onFailure == OnFailure.Continue && (node.Gathers || !node.Upstream.Any(failed.Contains)));
}
