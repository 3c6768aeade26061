using NasPipeline.Caching;
using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Stages;
using NasPipeline.Tests.Checkpoints;
using NasPipeline.Tests.Trainers;

namespace NasPipeline.Tests.Stages;

/// <summary>
/// The stages hand the node's work folder and stop signal to their loops: a train node stopped after its first
/// epoch commits nothing, its rerun resumes and commits the same files as a run that never stopped, and the
/// work folder goes with the commit.
/// </summary>
public sealed class ResumeThroughStageRunnerTests
{
    static readonly SearchData Data = TrainerKit.TinyData();

    static TrainSupernetStage Stage()
    {
        var section = TomlDocument.Parse("epochs = 3\nbatch_size = 16", "t.toml").Root;
        var entry = NasPipeline.Trainers.TrainerCatalog.Default.Find("darts", section.Location);
        var trainer = new PluginSpec("darts", "darts", entry.ReadOptions(section), section.Location);
        var dataset = new DatasetSection("synthetic", null, 0, 0, 0, 1, new SyntheticOptions(8, 1, 3, 96, 32, 0.3),
            "none");
        return new TrainSupernetStage(dataset, new SearchSpaceSection("nb201", 4, 1), trainer, 0,
            new ComputeSettings(1, "cpu"), () => Data);
    }

    static NodeResult<NasPipeline.Artifacts.SupernetArtifact> Run(string cache, StopAt progress) =>
        new StageRunner(new NodeStore(cache), new MemoryLog(), progress, progress.Signal).Run(Stage());

    [Test]
    public void TrainNode_StoppedAndRerun_CommitsWhatAnUninterruptedRunCommits()
    {
        using var dir = new TempDirectory();
        var expected = Run(dir.File("reference"), new StopAt());

        var cache = dir.File("cache");
        Assert.Throws<NodeInterruptedException>(() => Run(cache, new StopAt(epochs: 1)));
        var store = new NodeStore(cache);
        var work = store.WorkDirectory("train", expected.Key);
        Assert.That(store.TryLoad("train", expected.Key), Is.Null, "nothing committed");
        Assert.That(Directory.GetDirectories(work), Is.Not.Empty, "a checkpoint in the work folder");

        var resumed = new StopAt();
        var actual = Run(cache, resumed);
        Assert.That(resumed.Notes, Is.EqualTo(new[] { "resuming train darts seed=0 from epoch 2/3" }));
        Assert.That(Directory.Exists(work), Is.False, "the work folder goes when the node commits");
        foreach (var file in new[] { "supernet.dat", "mixing-history.json" })
        {
            var bytes = File.ReadAllBytes(expected.PathOf(file));
            Assert.That(File.ReadAllBytes(actual.PathOf(file)), Is.EqualTo(bytes), file);
        }
        Assert.That(actual.Artifact.Epochs.Select(m => m with { Seconds = 0, RssBytes = 0 }),
            Is.EqualTo(expected.Artifact.Epochs.Select(m => m with { Seconds = 0, RssBytes = 0 })));
    }
}
