namespace NasPipeline.Caching;

/// <summary>
/// What the cache holds for one key: a usable <see cref="Record"/>, or a <see cref="Problem"/> saying why the node
/// there cannot be reused (unreadable record, a file missing, truncated or altered; <see cref="Unverifiable"/> when
/// the record predates file lists), or neither when there is no node. A node with a problem counts as absent and
/// is rebuilt.
/// </summary>
public sealed record NodeCheck(NodeRecord? Record, string? Problem = null, bool Unverifiable = false)
{
    public static readonly NodeCheck Absent = new(Record: null);

    /// <summary>How logs and <c>nas verify</c> name a node with a problem.</summary>
    public string Kind => Unverifiable ? "unverified" : "corrupt";
}
