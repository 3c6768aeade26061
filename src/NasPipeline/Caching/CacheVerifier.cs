namespace NasPipeline.Caching;

/// <summary>A committed node that cannot be reused, as <c>nas verify</c> lists it.</summary>
public sealed record BadNode(string Stage, string Key, string? Label, string Kind, string Problem)
{
    public override string ToString() => $"{Kind} {Stage}/{Key}{(Label is null ? "" : $" ({Label})")}: {Problem}";
}

/// <summary>
/// <c>nas verify</c>: every committed node of a cache (every folder with a record, whichever manifest made it)
/// checked against its record with every file hashed, whatever its size and time say. A run checks only the nodes
/// it reads, and hashes a file only when its size or time changed (<see cref="FileCheck.Quick"/>); this is the
/// check for what that cannot see (bit rot, a restore that kept times).
/// </summary>
public static class CacheVerifier
{
    /// <returns>How many nodes were checked, and the bad ones.</returns>
    public static (int Nodes, IReadOnlyList<BadNode> Bad) Verify(NodeStore store)
    {
        var records = store.With(FileCheck.RecordOnly);
        var nodes = 0;
        var bad = new List<BadNode>();
        foreach (var (stage, key) in store.Nodes())
        {
            if (!File.Exists(Path.Combine(store.NodeDirectory(stage, key), NodeStore.RecordFile))) continue;
            nodes++;
            var check = store.Check(stage, key, FileCheck.Full);
            if (check.Problem is { } problem)
                bad.Add(new BadNode(stage, key, records.TryLoad(stage, key)?.Label, check.Kind, problem));
        }
        return (nodes, bad);
    }
}
