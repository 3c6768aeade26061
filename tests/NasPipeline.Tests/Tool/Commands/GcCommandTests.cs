using NasPipeline.Caching;
using NasPipeline.Graph;
using NasPipeline.Tool;

namespace NasPipeline.Tests.Tool.Commands;

/// <summary>
/// <c>nas gc</c> keeps every node a manifest in the experiments folder reaches and frees the rest.
/// </summary>
[Category("Integration")]
public sealed class GcCommandTests
{
    [Test]
    public void Gc_KeepsEveryManifestsNodes_RemovesUnreachableOnesAndDeadBuilds()
    {
        using var s = new CacheCommandStudy();
        var experiments = s.Study.Scratch("experiments");
        s.Write(experiments, "tiny", epochs: 2);
        s.Write(experiments, "other", epochs: 1);
        s.Run("tiny", epochs: 2);
        s.Run("other", epochs: 1);
        s.Run("gone", epochs: 3); // its manifest is not in the experiments folder
        var goneTrain = s.Plan("gone", 3).Single(r => r.Stage == "train").Key!;
        var store = new NodeStore(s.Cache);
        var dead = store.NodeDirectory("train", goneTrain) + ".tmp-host-4242-0123";
        Directory.CreateDirectory(dead);
        var kept = s.Plan("tiny", 2).Concat(s.Plan("other", 1)).Select(r => (r.Stage, r.Key!)).ToHashSet();

        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(
            ["gc", "--experiments", experiments, "--artifacts", s.Cache, "--templates", RepoPaths.Templates]));

        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(s.Plan("tiny", 2), Is.All.Matches<PlanRow>(r => r.Cached), output);
        Assert.That(s.Plan("other", 1), Is.All.Matches<PlanRow>(r => r.Cached), output);
        Assert.That(store.Nodes().ToHashSet(), Is.EquivalentTo(kept), "only reachable nodes are left");
        Assert.That(store.TryLoad("train", goneTrain), Is.Null);
        Assert.That(Directory.Exists(dead), Is.False);
        Assert.That(output, Does.Contain($"removed train/{goneTrain} (").And.Contain("): no manifest reaches it"));
        Assert.That(output, Does.Contain("temporary folder of a build that did not finish"));
        Assert.That(output, Does.Match(@"gc: \d+ folders removed from .*, [0-9.]+ [KM]iB freed"));
    }

    [Test]
    public void Gc_DryRun_PrintsWhatWouldBeFreed_AndRemovesNothing()
    {
        using var s = new CacheCommandStudy();
        var experiments = s.Study.Scratch("experiments");
        s.Write(experiments, "tiny", epochs: 2);
        s.Run("gone", epochs: 1, NasPipeline.Stages.PipelineTarget.TrainSupernets);
        var before = new NodeStore(s.Cache).Nodes().ToList();

        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(
            ["gc", "--experiments", experiments, "--artifacts", s.Cache, "--templates", RepoPaths.Templates,
                "--dry-run"]));

        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output,
            Does.Contain("would remove train/").And.Match(@"gc \(dry run\): 1 folders would be removed"));
        Assert.That(new NodeStore(s.Cache).Nodes(), Is.EqualTo(before));
    }

    [Test]
    public void Gc_NoManifests_RemovesNothingAndFails()
    {
        using var s = new CacheCommandStudy();
        s.Run("gone", epochs: 1, NasPipeline.Stages.PipelineTarget.TrainSupernets);
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(
            ["gc", "--experiments", s.Study.Scratch("empty"), "--artifacts", s.Cache]));
        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(new NodeStore(s.Cache).Nodes(), Is.Not.Empty);
    }
}
