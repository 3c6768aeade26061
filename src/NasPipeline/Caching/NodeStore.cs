using System.Text.Json;

namespace NasPipeline.Caching;

/// <summary>
/// Node folders under the artifacts root: <c>&lt;root&gt;/&lt;stage&gt;/&lt;key&gt;/</c> with <c>record.json</c>. A node is
/// built in a temporary sibling folder and renamed into place, so a crash never leaves a half-written node; a lock
/// file (<c>&lt;root&gt;/locks/…</c>) keeps other processes from building it at the same time, and a finished node is
/// never replaced.
/// </summary>
public sealed class NodeStore(string root)
{
    public const string RecordFile = "record.json";
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Root { get; } = Path.GetFullPath(root);

    public string NodeDirectory(string stage, string key) => Path.Combine(Root, stage, key);

    /// <summary>
    /// The node's work folder (checkpoints): beside the node, never inside it; removed once the node is committed.
    /// </summary>
    public string WorkDirectory(string stage, string key) => NodeDirectory(stage, key) + ".work";

    public string LockFile(string stage, string key) => Path.Combine(Root, "locks", stage, key + ".lock");

    public NodeRecord? TryLoad(string stage, string key)
    {
        var file = Path.Combine(NodeDirectory(stage, key), RecordFile);
        if (!File.Exists(file)) return null;
        try { return JsonSerializer.Deserialize<NodeRecord>(File.ReadAllText(file)); }
        catch (JsonException) { return null; } // unreadable record: treat as absent and rebuild
    }

    /// <summary>
    /// Holds the node's lock until disposed; <paramref name="waiting"/> runs once if another process has it.
    /// </summary>
    public NodeLock Lock(string stage, string key, Action waiting) => NodeLock.Acquire(LockFile(stage, key), waiting);

    /// <summary>
    /// Builds a node in a temporary folder, writes its record last (flushed to disk) and renames the folder into
    /// place. The caller holds the node's lock, so any temporary folder of this node left over is a dead process's.
    /// </summary>
    public NodeRecord Commit(string stage, string key, Func<string, NodeRecord> build)
    {
        var final = NodeDirectory(stage, key);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        RemoveStaleTemporaries(stage, key);
        var temp = $"{final}.tmp-{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        Directory.CreateDirectory(temp);
        try
        {
            var record = build(temp);
            WriteDurably(Path.Combine(temp, RecordFile), JsonSerializer.SerializeToUtf8Bytes(record, Indented));
            // Only a file system without working locks gets here; the finished node wins, ours is dropped.
            if (TryLoad(stage, key) is { } finished) return finished;
            if (Directory.Exists(final))
                Directory.Delete(final, recursive: true); // a folder without a record: not a node
            Directory.Move(temp, final);
            var work = WorkDirectory(stage, key);
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            return record;
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>
    /// Deletes a node with its work folder and leftovers (clean); the lock file stays (see <see cref="NodeLock"/>).
    /// </summary>
    public bool Remove(string stage, string key)
    {
        using var held = Lock(stage, key, () => { });
        var removed = false;
        foreach (var folder in new[] { NodeDirectory(stage, key), WorkDirectory(stage, key) }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
            removed = true;
        }
        RemoveStaleTemporaries(stage, key);
        return removed;
    }

    void RemoveStaleTemporaries(string stage, string key)
    {
        var parent = Path.Combine(Root, stage);
        if (!Directory.Exists(parent)) return;
        foreach (var stale in Directory.GetDirectories(parent, key + ".tmp-*"))
            Directory.Delete(stale, recursive: true);
    }

    static void WriteDurably(string path, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.Write(bytes);
        file.Flush(flushToDisk: true);
    }
}
