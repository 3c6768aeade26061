using System.Diagnostics;
using System.Text.RegularExpressions;
using NasPipeline.Caching;
using NasPipeline.Stages;
using NasPipeline.Tests.Stages;
using NasPipeline.Tool;

namespace NasPipeline.Tests.Execution;

/// <summary>
/// The parallel local executor and a cache shared by several processes, with real <c>nas</c> processes on a tiny
/// synthetic study (two trainers, two seeds).
/// </summary>
[Category("Integration")]
public sealed partial class LocalProcessExecutorTests
{
    const string SecondTrainer = """
        [[trainers]]
        id = "gdas"
        method = "gdas"
        epochs = 2
        batch_size = 16
        """;

    static string Manifest(TinyStudy study, string artifacts) =>
        study.Manifest(seeds: "[0, 1]", secondSelector: "exclude_none = false", extra: SecondTrainer)
            .Replace(study.Artifacts, artifacts);

    static string Write(TinyStudy study, string name, string text)
    {
        var path = study.Scratch(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void TwoJobs_GiveTheSameBytesAsTheSequentialRun()
    {
        using var study = new TinyStudy();
        var sequential = study.Scratch("sequential");
        study.Run(Manifest(study, sequential));

        var parallel = study.Scratch("parallel");
        var path = Write(study, "tiny.toml", Manifest(study, parallel));
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["report", "--manifest", path, "--jobs", "2"]));
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("2 jobs, one process each"));
        CacheComparison.AssertSameResults(sequential, parallel);
        Assert.That(Directory.GetFiles(Path.Combine(parallel, "logs", "tiny", "train", "darts"), "*.log"), Is.Not.Empty,
            "each node process writes its own log");
    }

    /// <summary>
    /// Breaks one node only: its lock file is a folder, so no process can lock it (as on a broken file system).
    /// </summary>
    static (string Path, string Key, NodeStore Store) WithBrokenNode(TinyStudy study, string onFailure)
    {
        var artifacts = study.Scratch("cache");
        var text = Manifest(study, artifacts).Replace("threads = 1", $"threads = 1\non_failure = \"{onFailure}\"");
        var store = new NodeStore(artifacts);
        var broken = study.Plan(text).Plan.Single(r => r.Id == "train/gdas/seed=1");
        Directory.CreateDirectory(store.LockFile("train", broken.Key!));
        return (Write(study, "tiny.toml", text), broken.Key!, store);
    }

    [Test]
    public void Continue_FailedNodeSkipsItsDependentsOnly_TheReportRunsInItsOwnProcessAndListsTheFailedCells()
    {
        using var study = new TinyStudy();
        var (path, key, store) = WithBrokenNode(study, "continue");
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["report", "--manifest", path, "--jobs", "2"]));
        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("failed: train/gdas/seed=1").And.Contain("logs/tiny/train/gdas/seed=1.log"));
        Assert.That(store.TryLoad("train", key), Is.Null);
        var ran = RanLabels(output);
        Assert.That(ran, Does.Contain("train darts seed=0").And.Contain("train darts seed=1")
            .And.Contain("train gdas seed=0"));
        Assert.That(ran.Count(l => l.StartsWith("evaluate")), Is.EqualTo(6),
            "the 6 grid cells that do not read the failed supernet");
        // The parent binds the report with the reasons the failed child kept, as the report's own process does:
        // one key, so the parent finds what the child committed.
        Assert.That(ran, Does.Contain("report tiny"), output);
        Assert.That(output, Does.Contain("exit code 1: nas: error: UnauthorizedAccessException"));
        Assert.That(output, Does.Contain("skipped: 6 node(s) that read a failed node"),
            "select, retrain, evaluate of gdas seed=1 × 2 selectors");
        var md = File.ReadAllText(Path.Combine(study.Reports, "tiny", "report.md"));
        Assert.That(md, Does.Contain("| gdas | mag | 1 | train | `train/gdas/seed=1` | Access to the path"));
    }

    [Test]
    public void Stop_StartsNoNodeAfterTheFailure()
    {
        using var study = new TinyStudy();
        var (path, _, _) = WithBrokenNode(study, "stop");
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["report", "--manifest", path, "--jobs", "2"]));
        Assert.That(exit, Is.EqualTo(1), output);
        var lines = output.Split('\n');
        var failed = Array.FindIndex(lines, l => l.Contains("[failed] train gdas seed=1"));
        Assert.That(failed, Is.GreaterThanOrEqualTo(0), output);
        Assert.That(lines.Skip(failed).Where(l => l.Contains("[run   ]")), Is.Empty, output);
        Assert.That(output, Does.Contain("not run (on_failure = \"stop\""));
        Assert.That(RanLabels(output), Has.None.StartsWith("report"));
    }

    [Test]
    public void TwoProcessesOnOneCache_BuildEveryNodeOnce_AndBothSucceed()
    {
        using var study = new TinyStudy();
        var artifacts = study.Scratch("cache");
        var path = Write(study, "tiny.toml", Manifest(study, artifacts));
        var runs = Enumerable.Range(0, 2)
            .Select(_ => Start([.. NasProcess.Command(), "report", "--manifest", path])).ToList();
        var outputs = runs.Select(Finish).ToList();
        Assert.That(outputs.Select(o => o.Exit), Is.All.EqualTo(0),
            string.Join("\n----\n", outputs.Select(o => o.Output)));
        var built = outputs.SelectMany(o => RanKeys(o.Output)).ToList();
        Assert.That(built, Is.Unique, "no node was built by both processes");
        Assert.That(built, Is.EquivalentTo(CacheComparison.Keys(artifacts).Select(k => k.Split('/')[1][..12])),
            "every node in the cache was built by exactly one of them");
        Assert.That(outputs.Sum(o => RanKeys(o.Output).Count()), Is.GreaterThan(0));
        Assert.That(Directory.GetDirectories(artifacts, "*.tmp-*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void Sigterm_ReachesEveryNodeProcess_WhichCheckpoints_AndTheRerunResumesThem()
    {
        using var study = new TinyStudy();
        const string Data =
            "name = \"synthetic\"\nimage_size = 16\nchannels = 1\nclasses = 3\ntrain_count = 256\ntest_count = 48";
        string Text(string artifacts) => study
            .Manifest(epochs: 12, dataset: Data, extra: SecondTrainer.Replace("epochs = 2", "epochs = 12"))
            .Replace(study.Artifacts, artifacts);
        var reference = study.Scratch("reference");
        study.Run(Text(reference), PipelineTarget.TrainSupernets);
        var artifacts = study.Scratch("cache");
        var path = Write(study, "tiny.toml", Text(artifacts));
        var logs = new[] { "darts", "gdas" }
            .Select(t => Path.Combine(artifacts, "logs", "tiny", "train", t, "seed=0.log")).ToList();

        using (var parent = new NasChild("train", "--manifest", path, "--jobs", "2"))
        {
            Poll.Until(() => logs.All(l => File.Exists(l) && File.ReadAllText(l).Contains("epoch 2/12")),
                () => string.Join("\n", logs.Where(File.Exists).Select(File.ReadAllText)), seconds: 60);
            parent.Terminate();
            var interrupted = NasPipeline.Checkpoints.NodeInterruptedException.ExitCode;
            Assert.That(parent.Wait(), Is.EqualTo(interrupted), parent.Output);
            Assert.That(parent.Output, Does.Contain("asking 2 running node(s) to checkpoint and exit"));
        }
        Assert.That(logs.Select(l => File.ReadAllText(l)), Is.All.Contains("checkpoint saved"));

        using var rerun = new NasChild("train", "--manifest", path, "--jobs", "2");
        Assert.That(rerun.Wait(), Is.EqualTo(0), rerun.Output);
        Assert.That(logs.Select(l => File.ReadAllText(l)), Is.All.Contains("resuming train"));
        CacheComparison.AssertSameResults(reference, artifacts);
    }

    static Process Start(IReadOnlyList<string> command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in command.Skip(1)) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    static (int Exit, string Output) Finish(Process process)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + stderr.Result;
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    static List<string> RanLabels(string output) =>
        RanLine().Matches(output).Select(m => m.Groups["label"].Value).ToList();

    static IEnumerable<string> RanKeys(string output) => RanLine().Matches(output).Select(m => m.Groups["key"].Value);

    [GeneratedRegex(@"^\[ran   \] (?<label>.+) \((?<key>[0-9a-f]{12})\) in ", RegexOptions.Multiline)]
    private static partial Regex RanLine();
}
