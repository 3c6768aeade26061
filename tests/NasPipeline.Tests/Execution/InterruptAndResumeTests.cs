using NasPipeline.Caching;
using NasPipeline.Checkpoints;
using NasPipeline.Stages;
using NasPipeline.Tests.Stages;

namespace NasPipeline.Tests.Execution;

/// <summary>
/// A real <c>nas train</c> killed with SIGKILL, or stopped with SIGTERM, in the middle of a supernet's training: the
/// rerun says where it resumes, trains only the remaining epochs, and commits the bytes of a run that never stopped.
/// </summary>
[Category("Integration")]
public sealed class InterruptAndResumeTests
{
    const int Epochs = 12;

    static string Manifest(TinyStudy study, string artifacts) => study.Manifest(epochs: Epochs,
        dataset: "name = \"synthetic\"\nimage_size = 16\nchannels = 1\nclasses = 3\ntrain_count = 256\ntest_count = 48")
        .Replace(study.Artifacts, artifacts);

    static (string Path, string Key, string Reference) Prepare(TinyStudy study)
    {
        var reference = study.Scratch("reference");
        study.Run(Manifest(study, reference), PipelineTarget.TrainSupernets);
        var cache = study.Scratch("cache");
        var path = study.Scratch("tiny.toml");
        File.WriteAllText(path, Manifest(study, cache));
        return (path, study.Plan(Manifest(study, cache)).Plan.Single(r => r.Stage == "train").Key!, reference);
    }

    [Test]
    public void KilledMidTraining_RerunResumesFromTheLastEpoch_AndCommitsTheSameBytes()
    {
        using var study = new TinyStudy();
        var (path, key, reference) = Prepare(study);
        var store = new NodeStore(study.Scratch("cache"));

        using (var first = new NasChild("train", "--manifest", path))
        {
            first.WaitFor($"epoch 4/{Epochs}");
            first.Kill();
            first.Wait();
        }
        Assert.That(store.TryLoad("train", key), Is.Null);
        Assert.That(Directory.GetDirectories(Path.Combine(store.Root, "train"), key + ".tmp-*"), Is.Not.Empty,
            "the killed build left its temporary folder");

        using var rerun = new NasChild("train", "--manifest", path);
        Assert.That(rerun.Wait(), Is.EqualTo(0), rerun.Output);
        Assert.That(rerun.Output, Does.Match(@"resuming train darts seed=0 from epoch ([5-9]|1[0-2])/12"));
        Assert.That(rerun.Output, Does.Not.Contain($"epoch 1/{Epochs} "), "finished epochs are not trained again");
        Assert.That(Directory.GetDirectories(Path.Combine(store.Root, "train"), key + ".tmp-*"), Is.Empty,
            "the stale temporary folder is gone");
        Assert.That(Directory.Exists(store.WorkDirectory("train", key)), Is.False, "checkpoints go with the commit");
        CacheComparison.AssertSameResults(reference, store.Root);
    }

    [Test]
    public void Sigterm_CheckpointsAtTheNextStep_ExitsWith75_AndTheRerunFinishesTheSame()
    {
        using var study = new TinyStudy();
        var (path, key, reference) = Prepare(study);
        var store = new NodeStore(study.Scratch("cache"));

        using (var first = new NasChild("train", "--manifest", path))
        {
            first.WaitFor($"epoch 3/{Epochs}");
            first.Terminate();
            Assert.That(first.Wait(), Is.EqualTo(NodeInterruptedException.ExitCode), first.Output);
            Assert.That(first.Output, Does.Contain("SIGTERM: stopping at the next step boundary"));
        }
        Assert.That(store.TryLoad("train", key), Is.Null);
        Assert.That(Directory.GetDirectories(store.WorkDirectory("train", key)), Is.Not.Empty,
            "a checkpoint to resume from");

        using var rerun = new NasChild("train", "--manifest", path);
        Assert.That(rerun.Wait(), Is.EqualTo(0), rerun.Output);
        Assert.That(rerun.Output, Does.Contain("resuming train darts seed=0 from epoch"));
        CacheComparison.AssertSameResults(reference, store.Root);
    }
}
