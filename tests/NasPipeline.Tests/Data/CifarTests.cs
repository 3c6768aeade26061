using NasPipeline.Data;

namespace NasPipeline.Tests.Data;

/// <summary>The readers on tiny files written in the exact CIFAR binary formats.</summary>
public sealed class CifarTests
{
    static byte[] Record(int[] labels, byte fill) =>
        labels.Select(l => (byte)l).Concat(Enumerable.Repeat(fill, 3072)).ToArray();

    [Test]
    public void Cifar10_ReadsBatchesInOrder()
    {
        using var dir = new TempDirectory();
        for (var b = 1; b <= 5; b++)
            File.WriteAllBytes(dir.File($"data_batch_{b}.bin"), [.. Record([b], (byte)b), .. Record([0], 0)]);
        File.WriteAllBytes(dir.File("test_batch.bin"), Record([9], 200));
        var (train, test) = Cifar.Load(dir.Path, 10);
        Assert.That(train.Count, Is.EqualTo(10));
        Assert.That(train.Labels.Take(4), Is.EqualTo(new[] { 1, 0, 2, 0 }));
        Assert.That((test.Channels, test.Height, test.Width, test.Labels[0], test.Pixels[3071]),
            Is.EqualTo((3, 32, 32, 9, (byte)200)));
    }

    [Test]
    public void Cifar100_UsesFineLabel()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("train.bin"), Record([3, 57], 1));
        File.WriteAllBytes(dir.File("test.bin"), Record([19, 99], 2));
        var (train, test) = Cifar.Load(dir.Path, 100);
        Assert.That((train.Labels[0], test.Labels[0], train.Classes), Is.EqualTo((57, 99, 100)));
    }

    [Test]
    public void Cifar10_MissingFiles_AreNamed()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<DataException>(() => Cifar.Load(dir.Path, 10))!;
        Assert.That(e.Message, Does.Contain("data_batch_1.bin").And.Contain("test_batch.bin"));
    }

    [Test]
    public void Cifar10_TruncatedRecord_IsRejected()
    {
        using var dir = new TempDirectory();
        for (var b = 1; b <= 5; b++) File.WriteAllBytes(dir.File($"data_batch_{b}.bin"), Record([1], 1)[..100]);
        File.WriteAllBytes(dir.File("test_batch.bin"), Record([1], 1));
        Assert.Throws<DataException>(() => Cifar.Load(dir.Path, 10));
    }
}
