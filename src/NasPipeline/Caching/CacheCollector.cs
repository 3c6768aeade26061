namespace NasPipeline.Caching;

/// <summary>A folder <c>nas gc</c> removed (or would remove): its path, size and why it went.</summary>
public sealed record Garbage(string Path, long Bytes, string Reason);

/// <summary>What <c>nas gc</c> removed (or would), and the folders left because a running build holds them.</summary>
public sealed record Collection(IReadOnlyList<Garbage> Removed, IReadOnlyList<string> InUse)
{
    public long Bytes => Removed.Sum(g => g.Bytes);
}

/// <summary>
/// <c>nas gc</c> on one cache, given the nodes some manifest still reaches. Per key it removes: the node folder
/// when no manifest reaches it (or when it has no record: not a finished node); its work folder (checkpoints)
/// when the node is unreachable or already committed — a reachable node's checkpoints are how an interrupted run
/// resumes, so they stay; and its temporary build folders (<c>&lt;key&gt;.tmp-…</c>). All of that only while holding
/// the node's lock: a process building the node holds it from the start of its work to the rename, so nothing a
/// running node uses is ever touched (it is reported as in use instead). Lock files stay, as
/// <see cref="NodeLock"/> explains; logs and Slurm run files are not the cache's to judge.
/// </summary>
public sealed class CacheCollector(NodeStore store)
{
    static readonly HashSet<string> NotStages = ["locks", "logs", "runs"];

    public Collection Collect(IReadOnlySet<(string Stage, string Key)> reachable, bool dryRun)
    {
        var removed = new List<Garbage>();
        var inUse = new List<string>();
        foreach (var (stage, key) in Keys())
        {
            if (Candidates(stage, key, reachable).Count == 0) continue;
            var lockFile = store.LockFile(stage, key);
            Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
            using var held = NodeLock.TryAcquire(lockFile);
            var candidates = Candidates(stage, key, reachable); // again under the lock: a build may have just ended
            if (held is null)
            {
                inUse.AddRange(candidates.Select(c => c.Path));
                continue;
            }
            foreach (var (path, reason) in candidates)
            {
                removed.Add(new Garbage(path, Size(path), reason));
                if (!dryRun) Directory.Delete(path, recursive: true);
            }
        }
        return new Collection(removed, inUse);
    }

    /// <summary>Every key with a node, work or temporary folder in a stage folder.</summary>
    IEnumerable<(string Stage, string Key)> Keys()
    {
        if (!Directory.Exists(store.Root)) return [];
        return Directory.EnumerateDirectories(store.Root)
            .Where(stage => !NotStages.Contains(Path.GetFileName(stage)))
            .SelectMany(stage => Directory.EnumerateDirectories(stage)
                .Select(folder => Path.GetFileName(folder).Split('.')[0])
                .Where(NodeStore.IsKey)
                .Select(key => (Path.GetFileName(stage), key)))
            .Distinct()
            .Order();
    }

    List<(string Path, string Reason)> Candidates(
        string stage, string key, IReadOnlySet<(string Stage, string Key)> reachable)
    {
        var found = new List<(string, string)>();
        var node = store.NodeDirectory(stage, key);
        var committed = File.Exists(Path.Combine(node, NodeStore.RecordFile));
        var wanted = reachable.Contains((stage, key));
        if (Directory.Exists(node) && !(wanted && committed))
            found.Add((node, committed ? "no manifest reaches it" : "no record: not a finished node"));
        var work = store.WorkDirectory(stage, key);
        if (Directory.Exists(work) && (!wanted || committed))
            found.Add((work, wanted ? "checkpoints of a finished node" : "checkpoints of a node no manifest reaches"));
        foreach (var temp in Directory.EnumerateDirectories(Path.Combine(store.Root, stage), key + ".tmp-*").Order())
            found.Add((temp, "temporary folder of a build that did not finish"));
        return found;
    }

    static long Size(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
