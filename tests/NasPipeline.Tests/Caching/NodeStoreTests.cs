using System.Text.Json;
using NasPipeline.Caching;

namespace NasPipeline.Tests.Caching;

public sealed class NodeStoreTests
{
    static NodeRecord Record(string key) => new("s", key, 1, "label", DateTime.UtcNow, 1.5,
        new Dictionary<string, string>(), JsonSerializer.SerializeToElement(new { }), JsonSerializer.SerializeToElement(new { value = 42 }));

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
}
