using System.Buffers.Binary;
using System.Text;
using NasPipeline.Build;

namespace NasPipeline.Tests.Build;

/// <summary>The ELF edit, on a hand-built minimal shared object and on a copy of TorchSharp's real library.</summary>
public sealed class ElfVersionPatcherTests
{
    const string Version = "GLIBCXX_3.4.32";

    /// <summary>
    /// A minimal ELF64 LE file: header, .dynstr, and a .gnu.version_r with one Verneed (libstdc++.so.6) and two
    /// Vernaux entries (GLIBCXX_3.4.30, GLIBCXX_3.4.32), followed by the section header table.
    /// </summary>
    static byte[] MinimalElf(ushort flags32 = 0)
    {
        var strings = Encoding.ASCII.GetBytes("\0libstdc++.so.6\0GLIBCXX_3.4.30\0GLIBCXX_3.4.32\0");
        const int strOffset = 64, verOffset = 128, shOffset = 256;
        var elf = new byte[shOffset + 3 * 64];
        var s = elf.AsSpan();
        s[0] = 0x7f; s[1] = (byte)'E'; s[2] = (byte)'L'; s[3] = (byte)'F'; s[4] = 2; s[5] = 1; s[6] = 1;
        BinaryPrimitives.WriteUInt64LittleEndian(s[0x28..], shOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(s[0x3A..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(s[0x3C..], 3);
        strings.CopyTo(s[strOffset..]);

        // Verneed: version, cnt, file, aux, next
        BinaryPrimitives.WriteUInt16LittleEndian(s[verOffset..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(verOffset + 2)..], 2);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(verOffset + 4)..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(verOffset + 8)..], 16);
        // Vernaux #1 and #2: hash, flags, other, name, next
        var aux = verOffset + 16;
        BinaryPrimitives.WriteUInt32LittleEndian(s[(aux + 8)..], 16);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(aux + 12)..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(aux + 16 + 4)..], flags32);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(aux + 16 + 8)..], 31);

        static void Section(byte[] elf, int index, uint type, int offset, int size, uint link, uint info)
        {
            var sh = elf.AsSpan((shOffset + index * 64)..);
            BinaryPrimitives.WriteUInt32LittleEndian(sh[4..], type);
            BinaryPrimitives.WriteUInt64LittleEndian(sh[0x18..], (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(sh[0x20..], (ulong)size);
            BinaryPrimitives.WriteUInt32LittleEndian(sh[0x28..], link);
            BinaryPrimitives.WriteUInt32LittleEndian(sh[0x2C..], info);
        }
        Section(elf, 1, 3, strOffset, strings.Length, 0, 0);
        Section(elf, 2, 0x6ffffffe, verOffset, 48, 1, 1);
        return elf;
    }

    [Test]
    public void MakeWeak_SetsOnlyThatVersionsFlag_AndIsIdempotent()
    {
        using var dir = new TempDirectory();
        var path = dir.File("lib.so");
        var original = MinimalElf();
        File.WriteAllBytes(path, original);

        Assert.That(ElfVersionPatcher.MakeWeak(path, Version), Is.EqualTo(ElfPatchResult.Patched));
        var patched = File.ReadAllBytes(path);
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.That(changed, Is.EqualTo(new[] { 128 + 32 + 4 }), "only the second Vernaux's vna_flags byte changes");
        Assert.That(patched[128 + 32 + 4], Is.EqualTo(2));
        Assert.That(ElfVersionPatcher.IsWeak(path, Version), Is.True);
        Assert.That(ElfVersionPatcher.IsWeak(path, "GLIBCXX_3.4.30"), Is.False);

        Assert.That(ElfVersionPatcher.MakeWeak(path, Version), Is.EqualTo(ElfPatchResult.AlreadyWeak));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(patched));
    }

    [Test]
    public void MakeWeak_VersionNotRequired_LeavesFileAlone()
    {
        using var dir = new TempDirectory();
        var path = dir.File("lib.so");
        File.WriteAllBytes(path, MinimalElf());
        Assert.That(ElfVersionPatcher.MakeWeak(path, "GLIBCXX_9.9"), Is.EqualTo(ElfPatchResult.NotRequired));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(MinimalElf()));
    }

    [Test]
    public void MakeWeak_NotElf_Throws()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("x.so"), "not an elf file at all, but long enough to have a header................");
        Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MakeWeak(dir.File("x.so"), Version));
    }

    [Test]
    public void MakeWeak_OnCopyOfTorchSharpLibrary_PatchesTheRealRequirement()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var original = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native",
            "libLibTorchSharp.so");
        if (!File.Exists(original))
            Assert.Ignore($"TorchSharp's native library is not in the NuGet cache at {original}");
        using var dir = new TempDirectory();
        var copy = dir.File("libLibTorchSharp.so");
        File.Copy(original, copy);
        Assert.That(ElfVersionPatcher.IsWeak(copy, Version), Is.False, "the package ships a strong requirement");
        Assert.That(ElfVersionPatcher.MakeWeak(copy, Version), Is.EqualTo(ElfPatchResult.Patched));
        Assert.That(ElfVersionPatcher.IsWeak(copy, Version), Is.True);
        var diff = File.ReadAllBytes(original).Zip(File.ReadAllBytes(copy)).Count(p => p.First != p.Second);
        Assert.That(diff, Is.EqualTo(1));
    }

    [Test]
    public void Build_PatchedThisTestRunsCopy_WhenHostLacksVersion()
    {
        var host = HostLibStdCxx.Locate();
        if (host is null || HostLibStdCxx.Provides(host, Version))
            Assert.Ignore($"host libstdc++ provides {Version}: nothing to patch");
        var copied = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.That(ElfVersionPatcher.IsWeak(copied, Version), Is.True);
    }

    [Test]
    public void Task_HostProvidesVersion_DoesNotPatch()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("lib.so"), MinimalElf());
        File.WriteAllText(dir.File("libstdc++.so.6"), $"...\0{Version}\0...");
        var task = new PatchTorchSharpNative { Library = dir.File("lib.so"), HostLibrary = dir.File("libstdc++.so.6"),
            BuildEngine = new NullEngine() };
        Assert.That(task.Execute(), Is.True);
        Assert.That(ElfVersionPatcher.IsWeak(dir.File("lib.so"), Version), Is.False);
    }

    sealed class NullEngine : Microsoft.Build.Framework.IBuildEngine
    {
        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "";
        public bool BuildProjectFile(string a, string[] b, System.Collections.IDictionary c,
            System.Collections.IDictionary d) => true;
        public void LogCustomEvent(Microsoft.Build.Framework.CustomBuildEventArgs e) { }
        public void LogErrorEvent(Microsoft.Build.Framework.BuildErrorEventArgs e) { }
        public void LogMessageEvent(Microsoft.Build.Framework.BuildMessageEventArgs e) { }
        public void LogWarningEvent(Microsoft.Build.Framework.BuildWarningEventArgs e) { }
    }
}
