using System.Buffers.Binary;
using System.Text;

namespace NasPipeline.Build;

/// <summary>What <see cref="ElfVersionPatcher.MakeWeak"/> found and did.</summary>
public enum ElfPatchResult
{
    /// <summary>The version requirement was strong and is now weak.</summary>
    Patched,
    /// <summary>The version requirement was weak already; the file was not touched.</summary>
    AlreadyWeak,
    /// <summary>The library does not require that version at all.</summary>
    NotRequired,
}

/// <summary>
/// Edits an ELF64 little-endian shared object's version-needed table (<c>.gnu.version_r</c>) in place.
/// Setting VER_FLG_WEAK on a requirement makes glibc's loader warn instead of refusing the library when
/// the host's provider lacks that version, which is safe only when no symbol bound to it is called.
/// </summary>
public static class ElfVersionPatcher
{
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    /// <summary>Marks the requirement named <paramref name="versionName"/> weak; idempotent.</summary>
    public static ElfPatchResult MakeWeak(string path, string versionName)
    {
        var bytes = File.ReadAllBytes(path);
        var entry = FindVernaux(bytes, versionName, path);
        if (entry is null) return ElfPatchResult.NotRequired;
        var flagsOffset = entry.Value + 4;
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(flagsOffset));
        if ((flags & VerFlgWeak) != 0) return ElfPatchResult.AlreadyWeak;

        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(flagsOffset), (ushort)(flags | VerFlgWeak));
        var stamp = File.GetLastWriteTimeUtc(path);
        var temp = path + ".patching";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
        // Keep the timestamp so MSBuild's SkipUnchangedFiles copy does not overwrite the patched file next build.
        File.SetLastWriteTimeUtc(path, stamp);
        return ElfPatchResult.Patched;
    }

    /// <summary>True when the requirement exists and carries VER_FLG_WEAK.</summary>
    public static bool IsWeak(string path, string versionName)
    {
        var bytes = File.ReadAllBytes(path);
        var entry = FindVernaux(bytes, versionName, path);
        return entry is not null
            && (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(entry.Value + 4)) & VerFlgWeak) != 0;
    }

    /// <summary>Offset of the Vernaux entry named <paramref name="versionName"/>, or null.</summary>
    static int? FindVernaux(byte[] elf, string versionName, string path)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException($"{path}: not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException($"{path}: only 64-bit little-endian ELF is supported");

        var span = elf.AsSpan();
        var shoff = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]));
        var shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        var shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);

        for (var i = 0; i < shnum; i++)
        {
            var sh = span[(shoff + i * shentsize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(sh[4..]) != ShtGnuVerneed) continue;
            var offset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(sh[0x18..]));
            var link = BinaryPrimitives.ReadUInt32LittleEndian(sh[0x28..]);
            var count = BinaryPrimitives.ReadUInt32LittleEndian(sh[0x2C..]); // sh_info = number of Verneed entries
            var strtab = span[(shoff + (int)link * shentsize)..];
            var strOffset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(strtab[0x18..]));

            var need = offset;
            for (var n = 0; n < count; n++)
            {
                var auxCount = BinaryPrimitives.ReadUInt16LittleEndian(span[(need + 2)..]);
                var aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 8)..]);
                for (var a = 0; a < auxCount; a++)
                {
                    var nameOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 8)..]);
                    if (ReadCString(span, strOffset + nameOffset) == versionName) return aux;
                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 12)..]);
                }
                need += (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 12)..]);
            }
        }
        return null;
    }

    static string ReadCString(ReadOnlySpan<byte> span, int start)
    {
        var end = span[start..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(span.Slice(start, end));
    }
}
