using System.Text.Json;

namespace NasPipeline.Caching;

/// <summary>
/// Node folders under the artifacts root: <c>&lt;root&gt;/&lt;stage&gt;/&lt;key&gt;/</c> with <c>record.json</c>. A node is
/// built in a temporary sibling folder and renamed into place, so a crash never leaves a half-written node.
/// </summary>
public sealed class NodeStore(string root)
{
    public const string RecordFile = "record.json";
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Root { get; } = Path.GetFullPath(root);

    public string NodeDirectory(string stage, string key) => Path.Combine(Root, stage, key);

    /// <summary>The node's work folder (checkpoints): beside the node, never inside it; removed once the node is committed.</summary>
    public string WorkDirectory(string stage, string key) => NodeDirectory(stage, key) + ".work";

    public NodeRecord? TryLoad(string stage, string key)
    {
        var file = Path.Combine(NodeDirectory(stage, key), RecordFile);
        if (!File.Exists(file)) return null;
        try { return JsonSerializer.Deserialize<NodeRecord>(File.ReadAllText(file)); }
        catch (JsonException) { return null; } // unreadable record: treat as absent and rebuild
    }

    /// <summary>Builds a node in a temporary folder, writes its record last, and renames the folder into place.</summary>
    public NodeRecord Commit(string stage, string key, Func<string, NodeRecord> build)
    {
        var final = NodeDirectory(stage, key);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var temp = $"{final}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        Directory.CreateDirectory(temp);
        try
        {
            var record = build(temp);
            File.WriteAllText(Path.Combine(temp, RecordFile), JsonSerializer.Serialize(record, Indented));
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true); // a stale node without a record
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
}
