using System.IO.Compression;
using NasPipeline.Data;
using static NasPipeline.Tests.Data.IdxReaderTests;

namespace NasPipeline.Tests.Data;

/// <summary>
/// Broken IDX files stop loading with a <see cref="DataException"/> that names the file and says what is wrong,
/// never with an exception from deep inside (overflow, out of memory, a torch error on a label out of range).
/// </summary>
public sealed class FashionMnistFaultTests
{
    static readonly byte[] Pixels = Enumerable.Range(0, 3 * 2 * 2).Select(i => (byte)i).ToArray();

    /// <summary>
    /// Four good files (3 images of 2×2, labels 7, 0, 9); <paramref name="change"/> then spoils one.
    /// </summary>
    static TempDirectory Files(Action<TempDirectory>? change = null)
    {
        var dir = new TempDirectory();
        foreach (var set in new[] { "train", "t10k" })
        {
            WriteIdx(dir.File($"{set}-images-idx3-ubyte"), 0x803, [3, 2, 2], Pixels);
            WriteIdx(dir.File($"{set}-labels-idx1-ubyte"), 0x801, [3], [7, 0, 9]);
        }
        change?.Invoke(dir);
        return dir;
    }

    static DataException Fails(TempDirectory dir) => Assert.Throws<DataException>(() => FashionMnist.Load(dir.Path))!;

    [Test]
    public void LabelOutOfRange_NamesFileLabelAndItem()
    {
        using var dir = Files(d => WriteIdx(d.File("train-labels-idx1-ubyte"), 0x801, [3], [7, 10, 9]));
        var e = Fails(dir);
        Assert.That(e.Message, Does.Contain(dir.File("train-labels-idx1-ubyte")).And.Contain("label 10")
            .And.Contain("item 1").And.Contain("10 classes"));
    }

    [Test]
    public void ImagesFileLongerThanItsHeader_IsRejected()
    {
        using var dir = Files(d => WriteIdx(d.File("t10k-images-idx3-ubyte"), 0x803, [2, 2, 2], Pixels));
        var e = Fails(dir);
        Assert.That(e.Message, Does.Contain(dir.File("t10k-images-idx3-ubyte")).And.Contain("2×2×2 = 8 bytes")
            .And.Contain("12 follow"));
    }

    [Test]
    public void ImagesFileShorterThanItsHeader_SaysHowMuchIsMissing()
    {
        using var dir = Files(d => WriteIdx(d.File("train-images-idx3-ubyte"), 0x803, [4, 2, 2], Pixels));
        var e = Fails(dir);
        Assert.That(e.Message, Does.Contain(dir.File("train-images-idx3-ubyte")).And.Contain("truncated")
            .And.Contain("4×2×2 = 16 bytes").And.Contain("12 follow"));
    }

    [Test]
    public void HugeCountInHeader_IsAClearErrorNotAnOverflow()
    {
        using var dir = Files(d => WriteIdx(d.File("train-images-idx3-ubyte"), 0x803, [int.MaxValue, 28, 28], Pixels));
        var e = Fails(dir);
        Assert.That(e.Message, Does.Contain("truncated").And.Contain("2147483647×28×28"));
    }

    [Test]
    public void NegativeDimension_IsRejected()
    {
        using var dir = Files(d => WriteIdx(d.File("train-images-idx3-ubyte"), 0x803, [-3, 2, 2], Pixels));
        Assert.That(Fails(dir).Message, Does.Contain("negative"));
    }

    [Test]
    public void FileShorterThanTheHeader_IsRejected()
    {
        using var dir = Files(d => File.WriteAllBytes(d.File("train-labels-idx1-ubyte"), [0, 0, 8]));
        Assert.That(Fails(dir).Message, Does.Contain(dir.File("train-labels-idx1-ubyte")).And.Contain("header"));
    }

    [Test]
    public void LabelsFileInPlaceOfImages_SaysWhichKindItIs()
    {
        using var dir = Files(d => WriteIdx(d.File("train-images-idx3-ubyte"), 0x801, [3], [1, 2, 3]));
        var e = Fails(dir);
        Assert.That(e.Message, Does.Contain(dir.File("train-images-idx3-ubyte")).And.Contain("0x00000801")
            .And.Contain("labels file"));
    }

    [Test]
    public void LabelCountDifferentFromImageCount_IsRejected()
    {
        using var dir = Files(d => WriteIdx(d.File("t10k-labels-idx1-ubyte"), 0x801, [2], [1, 2]));
        Assert.That(Fails(dir).Message, Does.Contain("2 labels for 3 images"));
    }

    [Test]
    public void EmptyImageFile_IsRejected()
    {
        using var dir = Files(d =>
        {
            WriteIdx(d.File("train-images-idx3-ubyte"), 0x803, [0, 2, 2], []);
            WriteIdx(d.File("train-labels-idx1-ubyte"), 0x801, [0], []);
        });
        Assert.That(Fails(dir).Message, Does.Contain("no images"));
    }

    [Test]
    public void TrainAndTestOfDifferentSizes_AreRejected()
    {
        using var dir = Files(d =>
        {
            WriteIdx(d.File("t10k-images-idx3-ubyte"), 0x803, [1, 3, 4], new byte[12]);
            WriteIdx(d.File("t10k-labels-idx1-ubyte"), 0x801, [1], [5]);
        });
        Assert.That(Fails(dir).Message, Does.Contain("3×4").And.Contain("2×2"));
    }

    [Test]
    public void GzipWithoutGzName_IsReadByItsContent()
    {
        using var dir = Files(d =>
        {
            var path = d.File("train-images-idx3-ubyte");
            var plain = File.ReadAllBytes(path);
            using var file = File.Create(path);
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write(plain);
        });
        Assert.That(FashionMnist.Load(dir.Path).Train.Pixels, Is.EqualTo(Pixels));
    }

    [Test]
    public void CutGzipFile_IsADataError()
    {
        using var dir = Files(d =>
        {
            var path = d.File("train-images-idx3-ubyte.gz");
            WriteIdx(path, 0x803, [3, 2, 2], Pixels);
            File.WriteAllBytes(path, File.ReadAllBytes(path)[..20]);
            File.Delete(d.File("train-images-idx3-ubyte"));
        });
        Assert.That(Fails(dir).Message, Does.Contain(dir.File("train-images-idx3-ubyte.gz")));
    }
}
