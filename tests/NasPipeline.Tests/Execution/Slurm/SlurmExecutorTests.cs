using System.Text.RegularExpressions;
using NasPipeline.Tests.Stages;
using NasPipeline.Tool;

namespace NasPipeline.Tests.Execution.Slurm;

/// <summary>
/// The tiny study on the live cluster (see <see cref="LocalSlurmCluster"/>): one job per node, ordered by Slurm,
/// the same bytes as the local executor, and reruns that submit only what is missing.
/// </summary>
[Category("Slurm")]
public sealed partial class SlurmExecutorTests
{
    TinyStudy _study = null!;

    [SetUp]
    public void SetUp()
    {
        LocalSlurmCluster.UseForNas();
        _study = new TinyStudy();
    }

    [TearDown]
    public void TearDown() => _study?.Dispose();

    string Manifest(string artifacts, string extra = "") =>
        _study.Manifest(secondSelector: "exclude_none = false", extra: extra).Replace(_study.Artifacts, artifacts);

    string Write(string text)
    {
        var path = _study.Scratch($"tiny-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void Study_OnSlurm_GivesTheLocalBytes_AndARerunSubmitsNothing()
    {
        var local = _study.Scratch("local");
        _study.Run(Manifest(local));

        var slurm = _study.Scratch("slurm");
        var path = Write(Manifest(slurm, "[executor]\nkind = \"slurm\"\n"));
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["report", "--manifest", path]));
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(Submitted(output), Has.Count.EqualTo(8), "train, 2 selections, 2 retrains, 2 evaluations, report");
        Assert.That(output, Does.Contain("slurm: 0 pending, 0 running, 8 done, 0 failed"));
        CacheComparison.AssertSameResults(local, slurm);
        Assert.That(File.ReadAllText(Path.Combine(slurm, "logs", "tiny", "train", "darts", "seed=0.log")),
            Does.Contain("nas run-node: train/darts/seed=0"), "each job's output is in its node's log");

        var (again, rerun) = ConsoleCapture.Run(() => NasApp.Run(["report", "--manifest", path]));
        Assert.That(again, Is.EqualTo(0), rerun);
        Assert.That(Submitted(rerun), Is.Empty);
        Assert.That(rerun, Does.Contain("slurm: 0 job(s) for 8 node(s); 8 cached"));
    }

    [Test]
    public void Detached_ReturnsAtOnce_StatusFollowsTheJobs()
    {
        var artifacts = _study.Scratch("cache");
        var path = Write(Manifest(artifacts));
        var (exit, output) = ConsoleCapture.Run(() =>
            NasApp.Run(["report", "--manifest", path, "--executor", "slurm", "--detach"]));
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("8 submitted"));

        var status = "";
        Poll.Until(() =>
        {
            status = ConsoleCapture.Run(() => NasApp.Run(["status", "--manifest", path])).Output;
            return status.Contains("0 pending, 0 running, 8 done");
        }, () => status, seconds: 120);
        Assert.That(status, Does.Contain("done     train darts seed=0"));
        Assert.That(Directory.Exists(Path.Combine(_study.Reports, "tiny")), Is.True,
            "the report job publishes the report");
    }

    [Test]
    public void FailingNode_FailsItsJob_CancelsItsDependents_AndSaysWhereTheLogIs()
    {
        var artifacts = _study.Scratch("cache");
        var text = Manifest(artifacts);
        var key = _study.Plan(text).Plan.Single(r => r.Id == "train/darts/seed=0").Key!;
        Directory.CreateDirectory(new NasPipeline.Caching.NodeStore(artifacts).LockFile("train", key)); // unlockable
        var path = Write(text);
        var (exit, output) = ConsoleCapture.Run(() =>
            NasApp.Run(["report", "--manifest", path, "--executor", "slurm"]));
        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("[failed] train darts seed=0: job").And.Contain("FAILED")
            .And.Contain("nas: error: UnauthorizedAccessException").And.Contain("logs/tiny/train/darts/seed=0.log"));
        Assert.That(output, Does.Contain("skipped: 7 node(s)"), "Slurm cancelled every job downstream of the failure");
    }

    [Test]
    public void TermBeforeTheTimeLimit_CheckpointsAndRequeues_AndTheRequeuedJobResumes()
    {
        const string Data =
            "name = \"synthetic\"\nimage_size = 16\nchannels = 1\nclasses = 3\ntrain_count = 256\ntest_count = 48";
        var local = _study.Scratch("local");
        _study.Run(_study.Manifest(epochs: 12, dataset: Data).Replace(_study.Artifacts, local),
            NasPipeline.Stages.PipelineTarget.TrainSupernets);

        var artifacts = _study.Scratch("slurm");
        var path = Write(_study.Manifest(epochs: 12, dataset: Data).Replace(_study.Artifacts, artifacts));
        var (exit, output) = ConsoleCapture.Run(() =>
            NasApp.Run(["train", "--manifest", path, "--executor", "slurm", "--detach"]));
        Assert.That(exit, Is.EqualTo(0), output);
        var run = NasPipeline.Execution.Slurm.SlurmRun.Load(
            NasPipeline.Execution.Slurm.SlurmRun.PathFor(artifacts, "tiny"))!;
        var job = run.Jobs["train/darts/seed=0"];
        var log = Path.Combine(artifacts, "logs", "tiny", "train", "darts", "seed=0.log");
        Poll.Until(() => File.Exists(log) && File.ReadAllText(log).Contains("epoch 3/12"),
            () => File.Exists(log) ? File.ReadAllText(log) : "no log yet", seconds: 60);

        // What Slurm does `grace` seconds before a time limit (--signal=B:TERM@grace): TERM to the batch shell.
        System.Diagnostics.Process.Start("scancel", ["--signal=TERM", "--batch", job])!.WaitForExit();
        var (waited, rest) = ConsoleCapture.Run(() => NasApp.Run(["train", "--manifest", path, "--executor", "slurm"]));
        Assert.That(waited, Is.EqualTo(0), rest);
        Assert.That(rest, Does.Contain($"[queued] train darts seed=0: job {job} of an earlier run"),
            "a live job is not submitted twice");
        var text = File.ReadAllText(log);
        Assert.That(text, Does.Contain("(checkpointed): requeueing").And.Contain("resuming train darts seed=0 "), text);
        CacheComparison.AssertSameResults(local, artifacts);
    }

    static List<string> Submitted(string output) => SubmitLine().Matches(output).Select(m => m.Value).ToList();

    [GeneratedRegex(@"^\s*\[submit\] .*$", RegexOptions.Multiline)]
    private static partial Regex SubmitLine();
}
