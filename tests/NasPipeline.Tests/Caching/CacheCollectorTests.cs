using System.Text.Json;
using NasPipeline.Caching;

namespace NasPipeline.Tests.Caching;

/// <summary>What <c>nas gc</c> removes from one cache, given the nodes the manifests reach.</summary>
public sealed class CacheCollectorTests
{
    static string Key(char c) => new(c, 64);

    static void Commit(NodeStore store, string key) => store.Commit("train", key, temp =>
    {
        File.WriteAllBytes(Path.Combine(temp, "supernet.dat"), new byte[2048]);
        return new NodeRecord("train", key, 1, "train x", DateTime.UtcNow, 1, new Dictionary<string, string>(),
            JsonSerializer.SerializeToElement(new { }), JsonSerializer.SerializeToElement(new { }));
    });

    static HashSet<(string, string)> Reach(params string[] keys) => keys.Select(k => ("train", k)).ToHashSet();

    [Test]
    public void Collect_RemovesUnreachableNodes_KeepsReachableOnes()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        Commit(store, Key('a'));
        Commit(store, Key('b'));

        var collection = new CacheCollector(store).Collect(Reach(Key('a')), dryRun: false);

        Assert.That(collection.Removed.Select(g => (g.Path, g.Reason)),
            Is.EqualTo(new[] { (store.NodeDirectory("train", Key('b')), "no manifest reaches it") }));
        Assert.That(collection.Removed.Single().Bytes, Is.GreaterThanOrEqualTo(2048));
        Assert.That(store.TryLoad("train", Key('a')), Is.Not.Null);
        Assert.That(Directory.Exists(store.NodeDirectory("train", Key('b'))), Is.False);
    }

    [Test]
    public void Collect_DryRun_ReportsTheSameAndRemovesNothing()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        Commit(store, Key('b'));
        Directory.CreateDirectory(store.NodeDirectory("train", Key('c')) + ".tmp-host-42-0123");

        var dry = new CacheCollector(store).Collect(Reach(), dryRun: true);

        Assert.That(dry.Removed, Has.Count.EqualTo(2));
        Assert.That(dry.Removed.Select(g => g.Path), Has.All.Matches<string>(Directory.Exists));
        var real = new CacheCollector(store).Collect(Reach(), dryRun: false);
        Assert.That(real.Removed, Is.EqualTo(dry.Removed));
        Assert.That(real.Removed.Select(g => g.Path), Has.None.Matches<string>(Directory.Exists));
    }

    [Test]
    public void Collect_TemporaryFolders_RemovedUnlessTheirNodesLockIsHeld()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        var dead = store.NodeDirectory("train", Key('d')) + ".tmp-host-42-0123";
        var running = store.NodeDirectory("train", Key('e')) + ".tmp-host-43-4567";
        var runningWork = store.WorkDirectory("train", Key('e'));
        foreach (var folder in new[] { dead, running, runningWork }) Directory.CreateDirectory(folder);

        Collection collection;
        using (store.Lock("train", Key('e'), () => { })) // a build of that node is under way
            collection = new CacheCollector(store).Collect(Reach(), dryRun: false);

        Assert.That(collection.Removed.Select(g => g.Path), Is.EqualTo(new[] { dead }));
        Assert.That(collection.InUse, Is.EquivalentTo(new[] { running, runningWork }));
        Assert.That(Directory.Exists(running) && Directory.Exists(runningWork), Is.True);
    }

    [Test]
    public void Collect_WorkFolders_KeptOnlyForAReachableUnfinishedNode()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        var resumable = store.WorkDirectory("train", Key('f')); // reachable, not committed: an interrupted run
        var unreachable = store.WorkDirectory("train", Key('0'));
        Commit(store, Key('1'));
        var finished = store.WorkDirectory("train", Key('1')); // left by a crash between rename and cleanup
        foreach (var folder in new[] { resumable, unreachable, finished }) Directory.CreateDirectory(folder);

        var collection = new CacheCollector(store).Collect(Reach(Key('f'), Key('1')), dryRun: false);

        Assert.That(collection.Removed.Select(g => (g.Path, g.Reason)), Is.EquivalentTo(new[]
        {
            (unreachable, "checkpoints of a node no manifest reaches"), (finished, "checkpoints of a finished node"),
        }));
        Assert.That(Directory.Exists(resumable), Is.True, "checkpoints a rerun resumes from");
        Assert.That(store.TryLoad("train", Key('1')), Is.Not.Null);
    }

    [Test]
    public void Collect_LeavesLocksLogsAndRunsAlone()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        Commit(store, Key('b'));
        var log = Path.Combine(dir.Path, "logs", "tiny", Key('b'));
        Directory.CreateDirectory(log);
        Directory.CreateDirectory(Path.Combine(dir.Path, "runs"));

        new CacheCollector(store).Collect(Reach(), dryRun: false);

        Assert.That(Directory.Exists(log), Is.True);
        Assert.That(File.Exists(store.LockFile("train", Key('b'))), Is.True, "lock files stay (see NodeLock)");
        Assert.That(Directory.Exists(Path.Combine(dir.Path, "runs")), Is.True);
    }
}
