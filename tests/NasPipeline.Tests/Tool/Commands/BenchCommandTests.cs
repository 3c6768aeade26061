using System.Text.RegularExpressions;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Tool;

namespace NasPipeline.Tests.Tool.Commands;

/// <summary>
/// <c>nas bench</c> on a tiny synthetic supernet: its options are read and its two lines for scripts
/// (bench/compare.sh) are there. Nothing here is timed: only the format is checked.
/// </summary>
public class BenchCommandTests
{
    static readonly string[] Tiny =
    [
        "bench", "--dataset", "synthetic", "--channels", "2", "--cells", "1", "--image-size", "8", "--in-channels", "3",
        "--classes", "4", "--batch", "4", "--steps", "2", "--warmup", "1",
    ];

    [Test]
    public void Bench_TinySynthetic_PrintsParameterCountAndMedianLines()
    {
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(Tiny));

        Assert.That(exit, Is.EqualTo(0), output);
        using var expected = new Nb201Supernet(2, 1, 3, 4);
        Assert.That(output, Does.Contain($"\nparameters={expected.parameters().Sum(p => p.numel())}\n"));
        Assert.That(Regex.IsMatch(output, @"^median_ms_per_step=\d+\.\d$", RegexOptions.Multiline), output);
        Assert.That(output, Does.Contain("8x8x3 synthetic, 4 classes"));
        Assert.That(Regex.IsMatch(output, @"2 timed steps after 1: \d+\.\d \d+\.\d\n"), output);
    }

    [Test]
    public void Bench_OtherTrainer_RunsItsOwnStep()
    {
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run([.. Tiny, "--trainer", "gdas"]));

        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.StartWith("bench: gdas nb201 supernet C=2 N=1, batch 4"));
    }

    [Test]
    public void Bench_DartsSpace_TimesTheDartsSearchNetwork()
    {
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(
        [
            "bench", "--space", "darts", "--dataset", "synthetic", "--channels", "2", "--cells", "3",
            "--image-size", "8", "--in-channels", "3", "--classes", "4", "--batch", "4", "--steps", "2",
            "--warmup", "1",
        ]));

        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.StartWith("bench: darts darts supernet C=2 layers=3, batch 4"));
        using var expected = new NasPipeline.SearchSpaces.Darts.DartsSearchNetwork(2, 3, 3, 4);
        Assert.That(output, Does.Contain($"\nparameters={expected.parameters().Sum(p => p.numel())}\n"));
    }

    [Test]
    public void Bench_ImageShapeWithoutSyntheticData_FailsNamingTheFix()
    {
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["bench", "--image-size", "32"]));

        Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
        Assert.That(output, Does.Contain("add --dataset synthetic"));
    }

    [Test]
    public void Bench_NoWarmupStep_Fails()
    {
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run([.. Tiny, "--warmup", "0"]));

        Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
        Assert.That(output, Does.Contain("--warmup"));
    }
}
