using NasPipeline.Stages;
using NasPipeline.Tests.Caching;
using NasPipeline.Tool;

namespace NasPipeline.Tests.Tool.Commands;

/// <summary><c>nas clean</c> removes the given manifest's nodes and report, and nothing of another manifest.</summary>
[Category("Integration")]
public sealed class CleanCommandTests
{
    [Test]
    public void Clean_SharedCache_RemovesOnlyThisManifestsNodesAndReport()
    {
        using var s = new CacheCommandStudy();
        s.Run("tiny", epochs: 2);
        s.Run("other", epochs: 1);
        var path = s.Write(s.Study.Scratch("experiments"), "tiny", epochs: 2);

        var (exit, output) = ConsoleCapture.Run(() =>
            NasApp.Run(["clean", "--manifest", path, "--templates", RepoPaths.Templates]));

        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("clean: ").And.Contain(" removed for tiny"));
        Assert.That(s.Plan("tiny", 2).Where(r => r.Cached), Is.Empty, "every node of the cleaned manifest is gone");
        Assert.That(s.Plan("other", 1), Is.Not.Empty.And.All.Matches<NasPipeline.Graph.PlanRow>(r => r.Cached),
            "the other manifest's nodes in the same cache survive");
        Assert.That(Directory.Exists(s.Report("tiny")), Is.False);
        Assert.That(File.Exists(Path.Combine(s.Report("other"), "report.html")), Is.True);
    }

    [Test]
    public void Clean_DamagedSupernet_StillRemovesTheNodesDownstreamOfIt()
    {
        using var s = new CacheCommandStudy();
        s.Run("tiny", epochs: 2);
        CorruptNodeTests.Damage(Path.Combine(CorruptNodeTests.TrainNode(s.Study), "supernet.dat"), "truncate");
        var path = s.Write(s.Study.Scratch("experiments"), "tiny", epochs: 2);

        var (exit, output) = ConsoleCapture.Run(() =>
            NasApp.Run(["clean", "--manifest", path, "--templates", RepoPaths.Templates]));

        Assert.That(exit, Is.EqualTo(0), output);
        foreach (var stage in new[] { "train", "select", "retrain", "evaluate", "report" })
        {
            var folder = Path.Combine(s.Cache, stage);
            Assert.That(Directory.Exists(folder) ? Directory.GetDirectories(folder) : [], Is.Empty, stage);
        }
    }
}
