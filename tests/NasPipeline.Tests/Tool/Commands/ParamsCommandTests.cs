using NasPipeline.Tests.Benchmarks;
using NasPipeline.Tests.SearchSpaces.Darts;
using NasPipeline.Tool;

namespace NasPipeline.Tests.Tool.Commands;

/// <summary><c>nas params --space …</c>: one architecture's parameter count, in the format scripts read.</summary>
public sealed class ParamsCommandTests
{
    [Test]
    public void Darts_DartsV2AtDartsSize_PrintsDartsPublishedCount()
    {
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["params", "--space", "darts",
            "--genotype", PublishedGenotypes.DartsV2, "--channels", "36", "--layers", "20", "--classes", "10"]));
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Is.EqualTo($"params: 3349342{Environment.NewLine}"));
    }

    [Test]
    public void Darts_MultiLineGenotypeOtherSize_PrintsTheHandCount()
    {
        var pasted = PublishedGenotypes.Pdarts.Replace("normal_concat", "\n  normal_concat", StringComparison.Ordinal);
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["params", "--space", "darts", "--genotype", pasted,
            "--channels", "16", "--layers", "8", "--input-channels", "1"]));
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output.Trim(), Is.EqualTo("params: 291162"));
    }

    [Test]
    public void Nb201_Genotype_PrintsTheBenchmarkCountAtItsDefaults()
    {
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["params", "--space", "nb201", "--genotype",
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|"]));
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output.Trim(), Is.EqualTo("params: 1073466"));
    }

    [Test]
    public void MalformedGenotype_FailsWithThePosition()
    {
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["params", "--space", "darts", "--genotype",
            "Genotype(normal=[('sep_conv_9x9', 0)])"]));
        Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
        Assert.That(output, Does.StartWith("nas: params: malformed DARTS genotype at line 1, column 19: unknown"));
    }

    [Test]
    public void Darts_WithoutGenotype_SaysSo()
    {
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["params", "--space", "darts"]));
        Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
        Assert.That(output, Does.Contain("--space darts needs --genotype"));
    }

    [Test]
    public void Nb201ParamsName_StillChecksTheBenchmarkTable()
    {
        SharedTable.Require();
        var (exit, output) = ConsoleCapture.Run(() =>
            NasApp.Run(["nb201-params", "--table", SharedTable.Path, "--sample", "5", "--seed", "2"]));
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("nb201-params: ").And.Contain("/5 match exactly"));
    }
}
