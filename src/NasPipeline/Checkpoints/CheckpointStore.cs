using System.Globalization;
using System.Text.RegularExpressions;

namespace NasPipeline.Checkpoints;

/// <summary>
/// The checkpoints of one loop in a node's work folder, as folders <c>&lt;name&gt;-000001</c>, <c>-000002</c>, … A
/// checkpoint is written into a temporary sibling, its manifest (every file's size and SHA-256) last, flushed to
/// disk and renamed into place; older checkpoints are deleted only after that. <see cref="Latest"/> takes the
/// newest folder whose files match its manifest, so a kill at any moment leaves a usable checkpoint (the new one or
/// the previous one). Only one process runs a node (the node lock), so temporary folders found here belong to a
/// dead process and are removed.
/// </summary>
public sealed class CheckpointStore(string directory, string name)
{
    /// <summary>Complete checkpoints kept: the newest, and one to fall back on should it be unreadable.</summary>
    public const int Keep = 2;

    public string Directory { get; } = Path.GetFullPath(directory);

    public string Name { get; } = name;

    /// <summary>The newest complete checkpoint, or null when there is none (a fresh start).</summary>
    public CheckpointReader? Latest()
    {
        RemoveTemporaries();
        foreach (var (sequence, folder) in Checkpoints().OrderByDescending(c => c.Sequence))
            if (CheckpointManifest.TryRead(folder) is { } manifest && manifest.Matches(folder))
                return new CheckpointReader(folder, sequence);
        return null;
    }

    /// <summary>Writes a checkpoint with <paramref name="write"/>; returns its folder once it is in place.</summary>
    public string Save(Action<CheckpointWriter> write)
    {
        System.IO.Directory.CreateDirectory(Directory);
        RemoveTemporaries();
        var existing = Checkpoints().ToList();
        var sequence = existing.Count == 0 ? 1 : existing.Max(c => c.Sequence) + 1;
        var final = Path.Combine(Directory, FolderName(sequence));
        var temp = $"{final}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        System.IO.Directory.CreateDirectory(temp);
        try
        {
            var writer = new CheckpointWriter(temp);
            write(writer);
            CheckpointManifest.Write(temp, sequence, writer.Files);
            System.IO.Directory.Move(temp, final);
        }
        finally
        {
            if (System.IO.Directory.Exists(temp)) System.IO.Directory.Delete(temp, recursive: true);
        }
        foreach (var (old, folder) in existing)
            if (old <= sequence - Keep) System.IO.Directory.Delete(folder, recursive: true);
        return final;
    }

    string FolderName(long sequence) => string.Create(CultureInfo.InvariantCulture, $"{Name}-{sequence:D6}");

    IEnumerable<(long Sequence, string Folder)> Checkpoints()
    {
        if (!System.IO.Directory.Exists(Directory)) yield break;
        var pattern = new Regex($"^{Regex.Escape(Name)}-([0-9]+)$", RegexOptions.CultureInvariant);
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory))
        {
            var match = pattern.Match(Path.GetFileName(folder));
            if (!match.Success) continue;
            var digits = match.Groups[1].Value;
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                yield return (sequence, folder);
        }
    }

    void RemoveTemporaries()
    {
        if (!System.IO.Directory.Exists(Directory)) return;
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory, $"{Name}-*.tmp-*"))
            System.IO.Directory.Delete(folder, recursive: true);
    }
}
