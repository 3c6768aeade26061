using System.Security.Cryptography;

namespace NasPipeline.Caching;

/// <summary>
/// One file of a committed node as its record lists it: the path relative to the node folder ('/'-separated), its
/// size, SHA-256 and last write time. The time only lets <see cref="FileCheck.Quick"/> skip hashing a file nobody
/// touched; a committed file is never rewritten, so a later time means someone changed it.
/// </summary>
public sealed record NodeFile(string Path, long Bytes, string Sha256, DateTime WrittenUtc)
{
    /// <summary>Every file under <paramref name="folder"/> except the record itself, in ordinal path order.</summary>
    public static IReadOnlyList<NodeFile> List(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(p => p != NodeStore.RecordFile)
            .Order(StringComparer.Ordinal)
            .Select(p => Describe(folder, p))
            .ToList();

    static NodeFile Describe(string folder, string path)
    {
        var full = System.IO.Path.Combine(folder, path);
        using var stream = File.OpenRead(full);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new NodeFile(path, stream.Length, hash, File.GetLastWriteTimeUtc(full));
    }

    /// <summary>Why the file in <paramref name="folder"/> is not the one recorded, or null when it is.</summary>
    public string? Problem(string folder, FileCheck check)
    {
        var full = System.IO.Path.Combine(folder, Path);
        try
        {
            var info = new FileInfo(full);
            if (!info.Exists) return $"{Path} missing";
            if (info.Length != Bytes) return $"{Path} has {info.Length} bytes, recorded {Bytes}";
            if (check != FileCheck.Full && info.LastWriteTimeUtc == WrittenUtc) return null;
            return Describe(folder, Path).Sha256 == Sha256 ? null
                : $"{Path} altered (its SHA-256 is not the recorded one)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{Path} unreadable: {e.Message}";
        }
    }
}
