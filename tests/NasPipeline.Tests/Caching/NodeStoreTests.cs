using System.Text.Json;
using NasPipeline.Caching;

namespace NasPipeline.Tests.Caching;

public sealed class NodeStoreTests
{
    static NodeRecord Record(string key) => new("s", key, 1, "label", DateTime.UtcNow, 1.5,
        new Dictionary<string, string>(), JsonSerializer.SerializeToElement(new { }),
        JsonSerializer.SerializeToElement(new { value = 42 }));

    [Test]
    public void Commit_ThenTryLoad_ReturnsRecordAndFiles()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        store.Commit("s", "k1", temp => { File.WriteAllText(Path.Combine(temp, "a.txt"), "x"); return Record("k1"); });
        Assert.That(store.TryLoad("s", "k1")!.Artifact.GetProperty("value").GetInt32(), Is.EqualTo(42));
        Assert.That(File.ReadAllText(Path.Combine(store.NodeDirectory("s", "k1"), "a.txt")), Is.EqualTo("x"));
    }

    [Test]
    public void Commit_FailingBuild_LeavesNothingBehind()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        Assert.Throws<InvalidOperationException>(() => store.Commit("s", "k2", temp =>
        {
            File.WriteAllText(Path.Combine(temp, "half.bin"), "partial");
            throw new InvalidOperationException("training crashed");
        }));
        Assert.That(store.TryLoad("s", "k2"), Is.Null);
        Assert.That(Directory.GetFileSystemEntries(Path.Combine(dir.Path, "s")), Is.Empty);
    }

    [Test]
    public void TryLoad_CorruptRecord_IsTreatedAsAbsent()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        Directory.CreateDirectory(store.NodeDirectory("s", "k3"));
        File.WriteAllText(Path.Combine(store.NodeDirectory("s", "k3"), NodeStore.RecordFile), "{ not json");
        Assert.That(store.TryLoad("s", "k3"), Is.Null);
    }

    [Test]
    public void Commit_RemovesTemporaryFoldersOfDeadBuilds_AndTheWorkFolder()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        var stale = store.NodeDirectory("s", "k4") + ".tmp-otherhost-4242-0123";
        Directory.CreateDirectory(stale);
        Directory.CreateDirectory(store.WorkDirectory("s", "k4"));
        var other = store.NodeDirectory("s", "k5") + ".tmp-otherhost-4242-0123"; // another node's: not ours to touch
        Directory.CreateDirectory(other);
        using (store.Lock("s", "k4", () => { }))
            store.Commit("s", "k4", _ => Record("k4"));
        Assert.That(Directory.Exists(stale), Is.False);
        Assert.That(Directory.Exists(store.WorkDirectory("s", "k4")), Is.False,
            "checkpoints go once the node is committed");
        Assert.That(Directory.Exists(other), Is.True);
    }

    [Test]
    public void Commit_WhenTheNodeAppearedMeanwhile_KeepsTheFinishedNode()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        store.Commit("s", "k6",
            temp => { File.WriteAllText(Path.Combine(temp, "a.txt"), "first"); return Record("k6"); });
        store.Commit("s", "k6",
            temp => { File.WriteAllText(Path.Combine(temp, "a.txt"), "second"); return Record("k6"); });
        Assert.That(File.ReadAllText(Path.Combine(store.NodeDirectory("s", "k6"), "a.txt")), Is.EqualTo("first"));
        Assert.That(Directory.GetDirectories(Path.Combine(dir.Path, "s")), Has.Length.EqualTo(1),
            "no temporary folder left");
    }

    [Test]
    public void Lock_IsExclusive_UntilReleased()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        var held = store.Lock("s", "k7", () => Assert.Fail("nobody holds it yet"));
        Assert.That(NodeLock.TryAcquire(store.LockFile("s", "k7")), Is.Null,
            "a second open of the lock file is refused");
        held.Dispose();
        using var again = NodeLock.TryAcquire(store.LockFile("s", "k7"));
        Assert.That(again, Is.Not.Null);
    }

    [Test]
    public void Lock_WaitsForTheHolder_AndSaysSoOnce()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        var held = store.Lock("s", "k8", () => { });
        var waits = 0;
        var release = Task.Delay(600).ContinueWith(_ => held.Dispose());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (store.Lock("s", "k8", () => waits++))
            Assert.That(clock.ElapsedMilliseconds, Is.GreaterThanOrEqualTo(500));
        release.Wait();
        Assert.That(waits, Is.EqualTo(1));
    }

    [Test]
    public void Remove_DeletesNodeAndWorkFolder_OnlyOfThatKey()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        store.Commit("s", "a", _ => Record("a"));
        store.Commit("s", "b", _ => Record("b"));
        Directory.CreateDirectory(store.WorkDirectory("s", "a"));
        Assert.That(store.Remove("s", "a"), Is.True);
        Assert.That((store.TryLoad("s", "a"), Directory.Exists(store.WorkDirectory("s", "a"))),
            Is.EqualTo((null as NodeRecord, false)));
        Assert.That(store.TryLoad("s", "b"), Is.Not.Null);
        Assert.That(store.Remove("s", "a"), Is.False);
    }

    static void Commit(NodeStore store, string key, string file, string text) => store.Commit("s", key, temp =>
    {
        File.WriteAllText(Path.Combine(temp, file), text);
        return Record(key);
    });

    [Test]
    public void Commit_RecordListsEveryFile_WithSizeAndSha256()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        var record = store.Commit("s", "k9", temp =>
        {
            File.WriteAllText(Path.Combine(temp, "a.txt"), "abc");
            Directory.CreateDirectory(Path.Combine(temp, "figures"));
            File.WriteAllText(Path.Combine(temp, "figures", "b.svg"), "<svg/>");
            return Record("k9");
        });
        Assert.That(record.Files!.Select(f => (f.Path, f.Bytes)),
            Is.EqualTo(new[] { ("a.txt", 3L), ("figures/b.svg", 6L) }));
        Assert.That(record.Files![0].Sha256,
            Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), "SHA-256 of \"abc\"");
        Assert.That(store.TryLoad("s", "k9")!.Files, Is.EqualTo(record.Files));
    }

    [Test]
    public void Check_FileAlteredKeepingSizeAndTime_OnlyTheFullCheckSeesIt()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        Commit(store, "k10", "w.bin", "0123456789");
        var file = Path.Combine(store.NodeDirectory("s", "k10"), "w.bin");
        var written = File.GetLastWriteTimeUtc(file);
        File.WriteAllText(file, "0123456780");
        File.SetLastWriteTimeUtc(file, written); // as bit rot, or a restore that keeps times

        Assert.That(store.Check("s", "k10").Record, Is.Not.Null, "quick: size and time unchanged, not hashed");
        var full = store.Check("s", "k10", FileCheck.Full);
        Assert.That((full.Record, full.Problem),
            Is.EqualTo((null as NodeRecord, "w.bin altered (its SHA-256 is not the recorded one)")));
    }

    [Test]
    public void Check_FileRewrittenWithSameSize_QuickCheckHashesIt()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        Commit(store, "k11", "w.bin", "0123456789");
        var file = Path.Combine(store.NodeDirectory("s", "k11"), "w.bin");
        File.WriteAllText(file, "0123456780");
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(5));
        Assert.That(store.Check("s", "k11").Problem, Is.EqualTo("w.bin altered (its SHA-256 is not the recorded one)"));
    }

    [Test]
    public void Check_FileTruncatedOrMissing_SaysWhich()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        store.Commit("s", "k12", temp =>
        {
            File.WriteAllText(Path.Combine(temp, "a.bin"), "0123456789");
            File.WriteAllText(Path.Combine(temp, "b.bin"), "x");
            return Record("k12");
        });
        var folder = store.NodeDirectory("s", "k12");
        File.WriteAllText(Path.Combine(folder, "a.bin"), "01234");
        Assert.That(store.Check("s", "k12").Problem, Is.EqualTo("a.bin has 5 bytes, recorded 10"));
        File.Delete(Path.Combine(folder, "a.bin"));
        Assert.That(store.Check("s", "k12").Problem, Is.EqualTo("a.bin missing"));
        Assert.That(store.TryLoad("s", "k12"), Is.Null);
    }

    [Test]
    public void Check_RecordWithoutFileList_IsUnverifiable_UnlessOnlyTheRecordIsAskedFor()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        var folder = store.NodeDirectory("s", "k13");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, NodeStore.RecordFile), JsonSerializer.Serialize(Record("k13")));
        var check = store.Check("s", "k13");
        Assert.That((check.Record, check.Unverifiable, check.Kind),
            Is.EqualTo((null as NodeRecord, true, "unverified")));
        Assert.That(store.With(FileCheck.RecordOnly).TryLoad("s", "k13"), Is.Not.Null);
    }

    [Test]
    public void Commit_OverADamagedNode_ReplacesIt()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        Commit(store, "k14", "a.txt", "good");
        File.WriteAllText(Path.Combine(store.NodeDirectory("s", "k14"), "a.txt"), "bad");
        Commit(store, "k14", "a.txt", "good");
        Assert.That(store.TryLoad("s", "k14"), Is.Not.Null);
        Assert.That(File.ReadAllText(Path.Combine(store.NodeDirectory("s", "k14"), "a.txt")), Is.EqualTo("good"));
    }
}
