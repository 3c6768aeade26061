using System.Diagnostics;
using NasPipeline.Execution.Slurm;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Execution.Slurm;

/// <summary>Live tests against a running cluster (see <see cref="LocalSlurmCluster"/>); each takes seconds.</summary>
[Category("Slurm")]
public sealed class SlurmClientTests
{
    // The first run traps TERM like a node that checkpoints (exit 75); the rerun after the requeue finishes.
    const string CheckpointingChild = """
        #!/bin/bash
        run=${SLURM_RESTART_COUNT:-0}
        echo "run $run starts"
        if [ "$run" = 0 ]; then
          trap 'echo "run 0 got TERM: checkpointed"; exit 75' TERM
          touch started
          while :; do sleep 0.1; done
        fi
        echo "run $run finishes"
        """;

    SlurmClient _client = null!;
    TempDirectory _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _client = LocalSlurmCluster.ClientOrIgnore();
        _dir = new TempDirectory();
    }

    [TearDown]
    public void TearDown() => _dir?.Dispose();

    SlurmJob Bash(string name, string script, params string[] afterOk) => new(name, ["/bin/bash", "-c", script],
        _dir.Path, _dir.File(name + ".log"), SlurmResources.Default, afterOk, SignalGraceSeconds: 10);

    [Test]
    public void Submit_AfterOkChain_RunsInOrder()
    {
        var a = _client.Submit(Bash("a", "sleep 1; echo A >> order.txt"));
        var b = _client.Submit(Bash("b", "echo B >> order.txt", a));
        Assert.That(_client.Query([b])[b].State, Is.EqualTo("PENDING"));

        var statuses = LocalSlurmCluster.WaitForEnd(_client, [a, b]);
        Assert.That(statuses[a].Succeeded && statuses[b].Succeeded, Is.True, string.Join(", ", statuses.Values));
        Assert.That(File.ReadAllText(_dir.File("order.txt")), Is.EqualTo("A\nB\n"));
    }

    [Test]
    public void Submit_FailingParent_CancelsTheDependentInsteadOfPendingForever()
    {
        var a = _client.Submit(Bash("a", "exit 3"));
        var b = _client.Submit(Bash("b", "echo ran", a));

        var statuses = LocalSlurmCluster.WaitForEnd(_client, [a, b]);
        Assert.That(statuses[a], Is.EqualTo(new SlurmJobStatus(a, "FAILED", "NonZeroExitCode", 3)));
        Assert.That((statuses[b].State, statuses[b].Reason), Is.EqualTo(("CANCELLED", "DependencyNeverSatisfied")));
        Assert.That(statuses[b].Failed, Is.True);
        Assert.That(File.Exists(_dir.File("b.log")), Is.False, "the dependent must never run");
    }

    [Test]
    public void Submit_CheckpointedOnTerm_IsRequeuedAndCompletesOnItsSecondRun()
    {
        var id = _client.Submit(CheckpointingJob());
        // A dependent must wait for the rerun, not take the requeued first run's exit 0 as success.
        var after = _client.Submit(Bash("after", "cp ckpt.log seen-by-dependent.log", id));
        Poll.Until(() => File.Exists(_dir.File("started")), () => "the first run to start");
        // What --signal=B:TERM@N does before a time limit: TERM to the batch shell only.
        Scancel("--signal=TERM", "--batch", id);

        var statuses = LocalSlurmCluster.WaitForEnd(_client, [id, after], seconds: 40);
        var (status, log) = (statuses[id], Log());
        Assert.That(status.Succeeded && statuses[after].Succeeded, Is.True, $"{status}, {statuses[after]}\n{log}");
        Assert.That(status.ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(_dir.File("seen-by-dependent.log")), Does.Contain("run 1 finishes"));
        Assert.That(Lines(log), Is.EqualTo(new[]
        {
            "run 0 starts", "run 0 got TERM: checkpointed", $"slurm job {id}: exit 75 (checkpointed): requeueing",
            "run 1 starts", "run 1 finishes",
        }), "both runs' output, appended");
    }

    [Test]
    public void Cancel_RunningCheckpointingJob_IsNotRequeued()
    {
        var id = _client.Submit(CheckpointingJob());
        Poll.Until(() => File.Exists(_dir.File("started")), () => "the first run to start");
        _client.Cancel([id]);

        // The script prints this after it decided not to requeue, so the state below is final.
        Poll.Until(() => Log().Contains("not requeued"), () => $"the decision; log:\n{Log()}");
        var status = LocalSlurmCluster.WaitForEnd(_client, [id])[id];
        Assert.That(status.State, Is.EqualTo("CANCELLED"), Log());
        Assert.That(Log(), Does.Not.Contain("run 1"));
    }

    [Test]
    public void Submit_AwkwardNamesAndValues_ArriveUnchanged()
    {
        var work = Directory.CreateDirectory(_dir.File("work 'dir' #1 $x")).FullName;
        var output = _dir.File("logs \"q\" #2/job $y.log");
        const string name = "name \"x\" 'y' #z $HOME";
        const string print = "pwd; echo \"$SLURM_JOB_NAME\"; printf '[%s]\\n' \"$@\" \"$V\"";
        var job = new SlurmJob(name, ["/bin/bash", "-c", print, "argv0", "a b", "it's", "$HOME", "#c"],
            work, output, SlurmResources.Default with { Extra = ["--comment", "two words"] }, [], 10,
            new Dictionary<string, string> { ["V"] = "v 'w' $x" });

        var id = _client.Submit(job);
        Assert.That(LocalSlurmCluster.WaitForEnd(_client, [id])[id].Succeeded, Is.True);
        Assert.That(Lines(File.ReadAllText(output)), Is.EqualTo(new[]
        {
            work, name, "[a b]", "[it's]", "[$HOME]", "[#c]", "[v 'w' $x]",
        }));
    }

    [Test]
    public void Submit_RejectedBySbatch_ThrowsWithItsMessage()
    {
        var job = Bash("bad", "true") with
        {
            Resources = SlurmResources.Default with { Partition = "no-such-partition" },
        };
        var e = Assert.Throws<SlurmException>(() => _client.Submit(job));
        Assert.That(e!.Message, Does.Contain("sbatch failed for job 'bad'").And.Contain("invalid partition"));
    }

    [Test]
    public void Query_IdsSlurmDoesNotKnow_AreUnknown()
    {
        var id = _client.Submit(Bash("known", "true"));
        Assert.That(_client.Query(["999999990"])["999999990"].IsUnknown, Is.True);
        var statuses = _client.Query([id, "999999991"]);
        Assert.That(statuses["999999991"].State, Is.EqualTo(SlurmJobStatus.Unknown));
        Assert.That(statuses[id].IsUnknown, Is.False);
        Assert.DoesNotThrow(() => _client.Cancel(["999999992"]));
        LocalSlurmCluster.WaitForEnd(_client, [id]);
    }

    SlurmJob CheckpointingJob()
    {
        File.WriteAllText(_dir.File("child.sh"), CheckpointingChild.ReplaceLineEndings("\n") + "\n");
        return new SlurmJob("ckpt", ["/bin/bash", _dir.File("child.sh")], _dir.Path, _dir.File("ckpt.log"),
            SlurmResources.Default, [], SignalGraceSeconds: 10);
    }

    string Log() => File.Exists(_dir.File("ckpt.log")) ? File.ReadAllText(_dir.File("ckpt.log")) : "";

    void Scancel(params string[] arguments)
    {
        var start = new ProcessStartInfo("scancel") { RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (_client.ConfigPath is not null) start.Environment["SLURM_CONF"] = _client.ConfigPath;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), errors);
    }

    // Slurm writes its own lines into the job output ("slurmstepd: … CANCELLED AT …" when the shell is signalled).
    static string[] Lines(string log) =>
        log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("slurmstepd")).ToArray();
}
