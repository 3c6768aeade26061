using System.Text.Json;
using NasPipeline.Caching;

namespace NasPipeline.Tests.Caching;

public sealed class CacheVerifierTests
{
    static NodeRecord Record(string stage, string key) => new(stage, key, 1, $"{stage} x", DateTime.UtcNow, 1,
        new Dictionary<string, string>(), JsonSerializer.SerializeToElement(new { }),
        JsonSerializer.SerializeToElement(new { }));

    [Test]
    public void Verify_HashesEveryFile_AndListsEachBadNodeOnce()
    {
        using var dir = new TempDirectory();
        var store = new NodeStore(dir.Path);
        var (good, rotten, old) = (new string('a', 64), new string('b', 64), new string('c', 64));
        foreach (var key in new[] { good, rotten })
            store.Commit("train", key, temp =>
            {
                File.WriteAllText(Path.Combine(temp, "w.bin"), "0123456789");
                return Record("train", key);
            });
        var file = Path.Combine(store.NodeDirectory("train", rotten), "w.bin");
        var written = File.GetLastWriteTimeUtc(file);
        File.WriteAllText(file, "0123456780");
        File.SetLastWriteTimeUtc(file, written); // unseen by a run's quick check
        Directory.CreateDirectory(store.NodeDirectory("select", old));
        File.WriteAllText(Path.Combine(store.NodeDirectory("select", old), NodeStore.RecordFile),
            JsonSerializer.Serialize(Record("select", old)));
        Directory.CreateDirectory(store.WorkDirectory("train", good)); // not a node

        var (nodes, bad) = CacheVerifier.Verify(store);

        Assert.That(nodes, Is.EqualTo(3));
        Assert.That(bad.Select(b => b.ToString()), Is.EqualTo(new[]
        {
            $"unverified select/{old} (select x): its record lists no files (written by an older NasPipeline)",
            $"corrupt train/{rotten} (train x): w.bin altered (its SHA-256 is not the recorded one)",
        }));
    }
}
