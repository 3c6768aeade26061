using System.Security.Cryptography;
using System.Text.Json;

namespace NasPipeline.Checkpoints;

/// <summary>
/// What a complete checkpoint holds: every file with its size and SHA-256. Written last, so a folder without it
/// (or whose files differ from it: truncated, corrupted) is not a checkpoint.
/// </summary>
sealed record CheckpointManifest(
    int Format, long Sequence, DateTime Created, IReadOnlyList<CheckpointManifest.Entry> Files)
{
    public const string FileName = "checkpoint.json";

    /// <summary>Bumped when the layout changes: a checkpoint in another format is ignored, not misread.</summary>
    public const int CurrentFormat = 1;

    public sealed record Entry(string Name, long Bytes, string Sha256);

    public static void Write(string folder, long sequence, IEnumerable<string> files)
    {
        var manifest = new CheckpointManifest(CurrentFormat, sequence, DateTime.UtcNow,
            files.Select(f => Describe(Path.Combine(folder, f))).ToList());
        using var stream = new FileStream(Path.Combine(folder, FileName), FileMode.CreateNew);
        JsonSerializer.Serialize(stream, manifest, CheckpointJson.Options);
        stream.Flush(flushToDisk: true);
    }

    public static CheckpointManifest? TryRead(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var text = File.ReadAllText(path);
            var manifest = JsonSerializer.Deserialize<CheckpointManifest>(text, CheckpointJson.Options);
            return manifest is { Format: CurrentFormat, Files: not null } ? manifest : null;
        }
        catch (JsonException) { return null; } // torn or foreign: not a checkpoint
    }

    /// <summary>Every listed file is there with the recorded size and hash.</summary>
    public bool Matches(string folder) => Files.All(entry =>
    {
        var path = Path.Combine(folder, entry.Name);
        return File.Exists(path) && new FileInfo(path).Length == entry.Bytes && Describe(path).Sha256 == entry.Sha256;
    });

    static Entry Describe(string path)
    {
        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new Entry(Path.GetFileName(path), stream.Length, hash);
    }
}
