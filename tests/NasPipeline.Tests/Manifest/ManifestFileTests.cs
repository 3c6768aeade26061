using NasPipeline.Stages;
using System.Text;
using NasPipeline.Manifest;
using NasPipeline.Tool;

namespace NasPipeline.Tests.Manifest;

/// <summary>
/// Files that are no manifest at all (empty, binary, not UTF-8, a folder, unreadable, missing) fail with
/// "file: error: …" (or "file:line:col: error: …" where a byte is to blame), exit 2 and no stack trace.
/// </summary>
public sealed class ManifestFileTests
{
    const string Valid = "[experiment]\nname = \"t\"\n\n[[trainers]]\nid = \"d\"\nmethod = \"darts\"\n\n" +
        "[[selectors]]\nid = \"m\"\nmethod = \"magnitude\"\n";

    public static IEnumerable<TestCaseData> Files()
    {
        TestCaseData Case(string name, byte[] bytes, int line, int column, string message) =>
            new TestCaseData(bytes, line, column, message).SetName($"Load_{name}_ReportsFileError");

        yield return Case("Empty", [], 0, 0, "the manifest is empty");
        yield return Case("OnlyWhitespace", " \n\t\n"u8.ToArray(), 0, 0, "the manifest is empty");
        yield return Case("Binary", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00], 0, 0,
            "a binary file (it holds NUL bytes), not a TOML manifest");
        yield return Case("NotUtf8", [.. "[experiment]\nname = \"caf"u8, 0xE9, .. "\"\n"u8], 2, 12,
            "not UTF-8 text (byte 0xE9); save the manifest as UTF-8");
        yield return Case("Utf16", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Valid)], 0, 0,
            "UTF-16 text; save the manifest as UTF-8");
    }

    [TestCaseSource(nameof(Files))]
    public void Load(byte[] bytes, int line, int column, string message)
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.toml");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ManifestException>(() => StudyManifest.Load(path))!;
        Assert.That(e.Problem, Does.Contain(message));
        Assert.That((e.Location.File, e.Location.Line, e.Location.Column), Is.EqualTo((path, line, column)), e.Message);
        var where = line == 0 ? path : $"{path}:{line}:{column}";
        Assert.That(e.Message, Does.StartWith($"{where}: error: "));
    }

    [Test]
    public void Load_Utf8WithByteOrderMark_Loads()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bom.toml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)]);
        Assert.That(StudyManifest.Load(path).Experiment.Name, Is.EqualTo("t"));
    }

    [Test]
    public void Validate_Directory_ExitsWithTwo()
    {
        using var dir = new TempDirectory();
        var path = dir.File("folder.toml");
        Directory.CreateDirectory(path);
        AssertFileError(path, "a folder, not a manifest file");
    }

    [Test]
    public void Validate_Missing_ExitsWithTwo()
    {
        using var dir = new TempDirectory();
        AssertFileError(dir.File("missing.toml"), "manifest file not found");
    }

    /// <summary>
    /// Unreadable even for root (the tests run as root, so a chmod 000 file would be read): /proc/self/mem
    /// opens but every read at offset 0 fails with EIO.
    /// </summary>
    [Test]
    public void Validate_Unreadable_ExitsWithTwo()
    {
        if (!File.Exists("/proc/self/mem")) Assert.Ignore("needs Linux /proc");
        AssertFileError("/proc/self/mem", "cannot read the manifest: ");
    }

    [Test]
    public void Validate_Empty_ExitsWithTwo()
    {
        using var dir = new TempDirectory();
        var path = dir.File("empty.toml");
        File.WriteAllText(path, "");
        AssertFileError(path, "the manifest is empty");
    }

    static void AssertFileError(string path, string message)
    {
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["validate", path]));
        Assert.That(exit, Is.EqualTo(2), output);
        Assert.That(output, Does.StartWith($"{path}: error: ").And.Contain(message));
        Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
    }
}
