using NasPipeline.Tool;
using TorchSharp;

namespace NasPipeline.Tests.Tool;

/// <summary>
/// An unexpected error ends <c>nas</c> with exit 1, one line saying what went wrong and where its stack trace was
/// written, never a stack trace on the console. The tests run as root, so a chmod'ed read-only folder would not
/// stop them: a full disk is /dev/full (every write fails with ENOSPC, for root too) and an unwritable folder is a
/// path under a regular file (ENOTDIR, for root too).
/// </summary>
public sealed class TopLevelHandlerTests
{
    /// <summary>No folder left over from a study another test opened in this process.</summary>
    [SetUp]
    public void ForgetStudyLogs() => CrashLog.Folder = null;

    [Test]
    public void Guard_IoError_OneLineAndLog()
    {
        if (!File.Exists("/proc/self/mem")) Assert.Ignore("needs Linux /proc");
        // Opening /proc/self/mem works; reading at offset 0 (unmapped) fails with EIO.
        AssertOneLineAndLog(() => File.ReadAllBytes("/proc/self/mem").Length, "IOException", "Input/output error");
    }

    [Test]
    public void Guard_OutOfDisk_OneLineAndLog()
    {
        if (!File.Exists("/dev/full")) Assert.Ignore("needs Linux /dev/full");
        AssertOneLineAndLog(() => { File.WriteAllBytes("/dev/full", new byte[1 << 16]); return 0; },
            "IOException", "No space left on device");
    }

    [Test]
    public void Guard_TorchSharpNativeError_OneLineAndLog()
    {
        var log = AssertOneLineAndLog(() =>
        {
            using var a = torch.ones(2, 3);
            using var b = torch.ones(4, 5);
            using var c = torch.mm(a, b);
            return 0;
        }, "ExternalException", "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)");
        Assert.That(File.ReadAllText(log), Does.Contain("torch.mm"), "the log keeps the managed stack");
        File.Delete(log);
    }

    /// <summary>The artifacts folder sits under a regular file: nothing can be written there, nor its logs.</summary>
    [Test]
    public void Run_UnwritableArtifactsFolder_ExitsOneWithLogInTemp()
    {
        using var dir = new TempDirectory();
        var file = dir.File("a-file");
        File.WriteAllText(file, "");
        var artifacts = Path.Combine(file, "cache");
        var manifest = dir.File("m.toml");
        File.WriteAllText(manifest, $"""
            [experiment]
            name = "t"
            seeds = [0]
            artifacts = "{artifacts}"

            [dataset]
            name = "synthetic"
            train_count = 8
            test_count = 4

            [[trainers]]
            id = "darts"
            method = "darts"
            epochs = 1

            [[selectors]]
            id = "mag"
            method = "magnitude"
            """);
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["train", "--manifest", manifest]));
        Assert.That(exit, Is.EqualTo(ExitCodes.Failed), output);
        var error = output.Split('\n').Where(l => l.StartsWith("nas: error: ")).ToList();
        Assert.That(error, Has.Count.EqualTo(1), output);
        Assert.That(output, Does.Not.Contain("   at "), "no stack trace on the console");
        var log = LogPath(error[0]);
        Assert.That(log, Does.StartWith(Path.GetTempPath()).And.Not.StartWith(file));
        Assert.That(File.ReadAllText(log), Does.Contain("   at "));
        File.Delete(log);
    }

    [Test]
    public void CrashLog_UnwritableFolder_FallsBackToTemp()
    {
        using var dir = new TempDirectory();
        var file = dir.File("a-file");
        File.WriteAllText(file, "");
        var path = CrashLog.Write(new InvalidOperationException("boom"), Path.Combine(file, "logs"))!;
        Assert.That(path, Does.StartWith(Path.GetTempPath()));
        Assert.That(File.ReadAllText(path), Does.Contain("InvalidOperationException: boom"));
        File.Delete(path);
    }

    [Test]
    public void CrashLog_WritableFolder_WritesThere()
    {
        using var dir = new TempDirectory();
        var path = CrashLog.Write(new InvalidOperationException("boom"), dir.File("logs"))!;
        Assert.That(Path.GetDirectoryName(path), Is.EqualTo(dir.File("logs")));
        Assert.That(File.ReadAllText(path), Does.Contain("InvalidOperationException: boom"));
    }

    static string AssertOneLineAndLog(Func<int> action, string type, string message)
    {
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Guard(action));
        Assert.That(exit, Is.EqualTo(ExitCodes.Failed), output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), output);
        Assert.That(lines[0], Does.StartWith($"nas: error: {type}: ").And.Contain(message));
        var log = LogPath(lines[0]);
        var text = File.ReadAllText(log);
        Assert.That(text, Does.Contain(type).And.Contain(message).And.Contain("   at "));
        return log;
    }

    static string LogPath(string line)
    {
        const string marker = " (stack trace: ";
        var at = line.LastIndexOf(marker, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThan(0), line);
        var path = line[(at + marker.Length)..].TrimEnd().TrimEnd(')');
        Assert.That(File.Exists(path), Is.True, path);
        return path;
    }
}
