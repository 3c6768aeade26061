using System.Diagnostics;
using System.Text.RegularExpressions;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;

namespace NasPipeline.Tests.Bench;

/// <summary>
/// The PyTorch peer of bench/compare.sh (bench/pytorch/nb201_supernet_step.py) builds the same supernet as ours, by
/// parameter count, and runs every trainer's step. Needs Debian's python3-torch; ignored where it is missing.
/// </summary>
[Category("PyTorch")]
public class PyTorchPeerTests
{
    const string Python = "/usr/bin/python3";
    static string Script => Path.Combine(RepoPaths.Root, "bench", "pytorch", "nb201_supernet_step.py");

    [OneTimeSetUp]
    public void RequireTorch()
    {
        if (!File.Exists(Python) || Run("-c", "import torch").Exit != 0)
            Assert.Ignore($"PyTorch is not importable by {Python} (apt-get install python3-torch); peer tests skipped");
    }

    // small and paper, as bench/compare.sh runs them.
    [TestCase(8, 1, 1, 28)]
    [TestCase(16, 5, 3, 32)]
    public void ParameterCount_EqualsOurs(int channels, int cells, int inChannels, int imageSize)
    {
        var (exit, output) = Run(Script, "--params-only", "--channels", $"{channels}", "--cells", $"{cells}",
            "--in-channels", $"{inChannels}", "--image-size", $"{imageSize}", "--classes", "10");

        Assert.That(exit, Is.EqualTo(0), output);
        using var ours = new Nb201Supernet(channels, cells, inChannels, 10);
        Assert.That(output, Does.Contain($"parameters={ours.parameters().Sum(p => p.numel())}\n"));
    }

    [TestCase("darts"), TestCase("drnas"), TestCase("gdas"), TestCase("snas"), TestCase("rsws")]
    public void Step_RunsAndPrintsTheMedianLine(string trainer)
    {
        var (exit, output) = Run(Script, "--trainer", trainer, "--channels", "2", "--image-size", "8",
            "--batch", "4", "--steps", "1", "--warmup", "1", "--threads", "1");

        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(Regex.IsMatch(output, @"^median_ms_per_step=\d+\.\d$", RegexOptions.Multiline), output);
    }

    static (int Exit, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
