using System.Text.Json;

namespace NasPipeline.Caching;

/// <summary>
/// Node folders under the artifacts root: <c>&lt;root&gt;/&lt;stage&gt;/&lt;key&gt;/</c> with <c>record.json</c>. A
/// node is built in a temporary sibling folder and renamed into place, so a crash never leaves a half-written node;
/// a lock file (<c>&lt;root&gt;/locks/…</c>) keeps other processes from building it at the same time, and a finished
/// node is never replaced while it is intact. Its record lists every file with size and SHA-256, so a node whose
/// files were later deleted, truncated or altered is found out (see <see cref="FileCheck"/> for how closely) and
/// counts as absent: it is rebuilt rather than served.
/// </summary>
public sealed class NodeStore(string root, FileCheck check = FileCheck.Quick)
{
    public const string RecordFile = "record.json";
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>How <see cref="TryLoad"/> compares a node's files with its record.</summary>
    public FileCheck FileCheck => check;

    /// <summary>The same cache, looked up with another <see cref="FileCheck"/>.</summary>
    public NodeStore With(FileCheck other) => new(Root, other);

    public string NodeDirectory(string stage, string key) => Path.Combine(Root, stage, key);

    /// <summary>
    /// The node's work folder (checkpoints): beside the node, never inside it; removed once the node is committed.
    /// </summary>
    public string WorkDirectory(string stage, string key) => NodeDirectory(stage, key) + ".work";

    public string LockFile(string stage, string key) => Path.Combine(Root, "locks", stage, key + ".lock");

    /// <summary>The node's record when the node is there and intact, else null (absent, or to be rebuilt).</summary>
    public NodeRecord? TryLoad(string stage, string key) => Check(stage, key).Record;

    /// <summary>
    /// What the cache holds for the key: an intact node's record, or why the node there cannot be reused.
    /// A record without a file list (written before records had one) cannot be vouched for and is reported as
    /// unverifiable, hence rebuilt once.
    /// </summary>
    public NodeCheck Check(string stage, string key, FileCheck? how = null)
    {
        var folder = NodeDirectory(stage, key);
        var file = Path.Combine(folder, RecordFile);
        if (!File.Exists(file)) return NodeCheck.Absent;
        NodeRecord? record;
        try { record = JsonSerializer.Deserialize<NodeRecord>(File.ReadAllText(file)); }
        catch (JsonException) { record = null; }
        if (record is null) return new NodeCheck(null, $"{RecordFile} unreadable");
        if (record.Stage != stage || record.Key != key)
            return new NodeCheck(null, $"{RecordFile} belongs to {record.Stage}/{record.Key}");
        if ((how ?? check) == FileCheck.RecordOnly) return new NodeCheck(record);
        if (record.Files is null)
            return new NodeCheck(null, "its record lists no files (written by an older NasPipeline)",
                Unverifiable: true);
        var problem = record.Files.Select(f => f.Problem(folder, how ?? check)).FirstOrDefault(p => p is not null);
        return problem is null ? new NodeCheck(record) : new NodeCheck(null, problem);
    }

    /// <summary>
    /// Every node folder in the cache, committed or not, as stage and key (a key is 64 lowercase hex digits, so
    /// work and temporary folders, locks, logs and runs are not nodes).
    /// </summary>
    public IEnumerable<(string Stage, string Key)> Nodes()
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var stage in Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal))
            foreach (var node in Directory.EnumerateDirectories(stage).Order(StringComparer.Ordinal))
                if (IsKey(Path.GetFileName(node))) yield return (Path.GetFileName(stage), Path.GetFileName(node));
    }

    public static bool IsKey(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// Holds the node's lock until disposed; <paramref name="waiting"/> runs once if another process has it.
    /// </summary>
    public NodeLock Lock(string stage, string key, Action waiting) => NodeLock.Acquire(LockFile(stage, key), waiting);

    /// <summary>
    /// Builds a node in a temporary folder, writes its record last (flushed to disk, listing every file the build
    /// wrote with size, SHA-256 and write time) and renames the folder into place, replacing a damaged node. The
    /// caller holds the node's lock, so any temporary folder of this node left over is a dead process's.
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
            var record = build(temp) with { Files = NodeFile.List(temp) };
            WriteDurably(Path.Combine(temp, RecordFile), JsonSerializer.SerializeToUtf8Bytes(record, Indented));
            // Only a file system without working locks gets here; the finished node wins, ours is dropped.
            if (TryLoad(stage, key) is { } finished) return finished;
            if (Directory.Exists(final))
                Directory.Delete(final, recursive: true); // no record, or damaged: not a node to keep
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
