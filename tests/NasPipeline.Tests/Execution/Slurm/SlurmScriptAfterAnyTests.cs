using NasPipeline.Execution.Slurm;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Execution.Slurm;

/// <summary>The report's job with on_failure = "continue": it waits for its parents to end in any state.</summary>
public sealed class SlurmScriptAfterAnyTests
{
    static string[] Directives(SlurmJob job) => SlurmScript.For(job).Split('\n')
        .Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).ToArray();

    static SlurmJob Report(bool afterAny) => new("nas:report", ["nas"], "/w", "/logs/report.log",
        SlurmResources.Default, ["12", "13"], 60, AfterAny: afterAny);

    [Test]
    public void AfterAny_DependsOnAnyEnd_AndIsNeverCancelledForAFailedParent()
    {
        var directives = Directives(Report(afterAny: true));
        Assert.That(directives, Does.Contain("#SBATCH --dependency=afterany:12:13"));
        Assert.That(directives, Has.None.Contains("kill-on-invalid-dep"));
    }

    [Test]
    public void Default_StaysAfterOk_WithKillOnInvalidDependency()
    {
        var directives = Directives(Report(afterAny: false));
        Assert.That(directives, Does.Contain("#SBATCH --dependency=afterok:12:13"));
        Assert.That(directives, Does.Contain("#SBATCH --kill-on-invalid-dep=yes"));
    }
}
