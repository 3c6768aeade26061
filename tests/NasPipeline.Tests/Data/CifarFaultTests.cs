using NasPipeline.Data;

namespace NasPipeline.Tests.Data;

/// <summary>Broken CIFAR binary files fail naming the file and what is wrong.</summary>
public sealed class CifarFaultTests
{
    static byte[] Record(int[] labels) => labels.Select(l => (byte)l).Concat(new byte[3072]).ToArray();

    static TempDirectory Cifar10(Action<TempDirectory>? change = null)
    {
        var dir = new TempDirectory();
        for (var b = 1; b <= 5; b++) File.WriteAllBytes(dir.File($"data_batch_{b}.bin"), Record([b]));
        File.WriteAllBytes(dir.File("test_batch.bin"), Record([0]));
        change?.Invoke(dir);
        return dir;
    }

    [Test]
    public void TruncatedRecord_NamesFileAndRecord()
    {
        using var dir = Cifar10(d =>
            File.WriteAllBytes(d.File("data_batch_3.bin"), [.. Record([1]), .. Record([2])[..100]]));
        var e = Assert.Throws<DataException>(() => Cifar.Load(dir.Path, 10))!;
        Assert.That(e.Message, Does.Contain(dir.File("data_batch_3.bin")).And.Contain("3173 bytes")
            .And.Contain("record 2 is cut after 100 of its 3073 bytes"));
    }

    [Test]
    public void EmptyFile_IsRejected()
    {
        using var dir = Cifar10(d => File.WriteAllBytes(d.File("test_batch.bin"), []));
        var e = Assert.Throws<DataException>(() => Cifar.Load(dir.Path, 10))!;
        Assert.That(e.Message, Does.Contain(dir.File("test_batch.bin")).And.Contain("no records"));
    }

    [Test]
    public void LabelOutOfRange_NamesFileAndRecord()
    {
        using var dir = Cifar10(d => File.WriteAllBytes(d.File("data_batch_2.bin"), [.. Record([1]), .. Record([10])]));
        var e = Assert.Throws<DataException>(() => Cifar.Load(dir.Path, 10))!;
        Assert.That(e.Message, Does.Contain(dir.File("data_batch_2.bin")).And.Contain("label 10")
            .And.Contain("record 2").And.Contain("10 classes"));
    }

    [Test]
    public void Cifar100CoarseLabelOutOfRange_IsRejected()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("train.bin"), Record([20, 5]));
        File.WriteAllBytes(dir.File("test.bin"), Record([1, 5]));
        var e = Assert.Throws<DataException>(() => Cifar.Load(dir.Path, 100))!;
        Assert.That(e.Message, Does.Contain(dir.File("train.bin")).And.Contain("coarse label 20"));
    }

    [Test]
    public void Cifar100FileWhereCifar10IsExpected_IsRejected()
    {
        // 3074-byte CIFAR-100 records: 3 of them are not a whole number of 3073-byte CIFAR-10 records.
        using var dir = Cifar10(d => File.WriteAllBytes(d.File("data_batch_1.bin"),
            [.. Record([1, 2]), .. Record([1, 2]), .. Record([1, 2])]));
        var e = Assert.Throws<DataException>(() => Cifar.Load(dir.Path, 10))!;
        Assert.That(e.Message, Does.Contain("data_batch_1.bin").And.Contain("3073-byte CIFAR-10 records"));
    }
}
