using System.Text;

namespace NasPipeline.Manifest;

/// <summary>
/// A manifest file's text, checked before TOML sees it: a folder, a missing or unreadable file, an empty file,
/// a binary or UTF-16 file and bytes that are not UTF-8 (TOML files are UTF-8) each fail with their own
/// <see cref="ManifestException"/> rather than an I/O exception or a TOML error about a stray character.
/// </summary>
public static class ManifestText
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string path)
    {
        var file = SourceLocation.WholeFile(path);
        if (Directory.Exists(path)) throw new ManifestException(file, "a folder, not a manifest file");
        if (!File.Exists(path)) throw new ManifestException(file, "manifest file not found");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(file, $"cannot read the manifest: {e.Message}");
        }
        return Decode(bytes, path);
    }

    /// <summary>The text of <paramref name="bytes"/> without a UTF-8 byte order mark; fails if it is no text.</summary>
    public static string Decode(byte[] bytes, string path)
    {
        var file = SourceLocation.WholeFile(path);
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
            throw new ManifestException(file, "UTF-16 text; save the manifest as UTF-8");
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            throw new ManifestException(file, "a binary file (it holds NUL bytes), not a TOML manifest");
        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = start + Math.Max(e.Index, 0);
            throw new ManifestException(Position(bytes, start, at, path),
                $"not UTF-8 text (byte 0x{bytes[at]:X2}); save the manifest as UTF-8");
        }
        if (text.Trim().Length == 0) throw new ManifestException(file, "the manifest is empty");
        return text;
    }

    /// <summary>The line and column (in characters) of the byte at <paramref name="offset"/>.</summary>
    static SourceLocation Position(byte[] bytes, int start, int offset, string path)
    {
        var before = Encoding.UTF8.GetString(bytes, start, offset - start);
        var lineStart = before.LastIndexOf('\n') + 1;
        return new SourceLocation(path, before.Count(c => c == '\n') + 1, before.Length - lineStart + 1);
    }
}
