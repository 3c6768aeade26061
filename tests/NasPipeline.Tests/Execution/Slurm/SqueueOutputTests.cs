using NasPipeline.Execution.Slurm;

namespace NasPipeline.Tests.Execution.Slurm;

[Category("Slurm")]
public sealed class SqueueOutputTests
{
    [Test]
    public void Parse_LinesAsSqueuePrintsThem_DecodesStatesAndWaitStatuses()
    {
        // Seen on the local cluster: exit 3 is 768, scancel is 15 (SIGTERM), exit 75 after scancel is 19200.
        const string stdout = """
            1|COMPLETED|None|0|
            2|FAILED|NonZeroExitCode|768|
            3|CANCELLED|None|15|
            4|CANCELLED|DependencyNeverSatisfied|0|
            5|PENDING|Dependency|0|
            6|CANCELLED|None|19200|
            """;
        var statuses = SqueueOutput.Parse(stdout).ToDictionary(s => s.Id);
        Assert.That(statuses["1"], Is.EqualTo(new SlurmJobStatus("1", "COMPLETED", "None", 0)));
        Assert.That(statuses["2"].ExitCode, Is.EqualTo(3));
        Assert.That(statuses["3"].ExitCode, Is.EqualTo(128 + 15));
        Assert.That(statuses["4"].Reason, Is.EqualTo("DependencyNeverSatisfied"));
        Assert.That(statuses["5"].ExitCode, Is.Null, "an active job has no exit code yet");
        Assert.That(statuses["6"].ExitCode, Is.EqualTo(75));
    }

    [Test]
    public void Parse_ShortLine_Throws() => Assert.Throws<SlurmException>(() => SqueueOutput.Parse("1|RUNNING\n"));

    [TestCase("PENDING", true, false, false)]
    [TestCase("RUNNING", true, false, false)]
    [TestCase("REQUEUED", true, false, false)]
    [TestCase("CONFIGURING", true, false, false)]
    [TestCase("COMPLETING", true, false, false)]
    [TestCase("SOME_FUTURE_STATE", true, false, false)]
    [TestCase("COMPLETED", false, true, false)]
    [TestCase("FAILED", false, false, true)]
    [TestCase("CANCELLED", false, false, true)]
    [TestCase("TIMEOUT", false, false, true)]
    [TestCase("NODE_FAIL", false, false, true)]
    [TestCase("OUT_OF_MEMORY", false, false, true)]
    [TestCase("PREEMPTED", false, false, true)]
    [TestCase("BOOT_FAIL", false, false, true)]
    [TestCase("DEADLINE", false, false, true)]
    [TestCase(SlurmJobStatus.Unknown, false, false, false)]
    public void Status_State_IsClassified(string state, bool active, bool succeeded, bool failed)
    {
        var status = new SlurmJobStatus("1", state, "None", null);
        Assert.That((status.IsActive, status.Succeeded, status.Failed), Is.EqualTo((active, succeeded, failed)));
    }
}
