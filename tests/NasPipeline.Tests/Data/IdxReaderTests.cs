using System.IO.Compression;
using NasPipeline.Data;

namespace NasPipeline.Tests.Data;

public sealed class IdxReaderTests
{
    /// <summary>Writes an IDX file exactly as the MNIST format defines it (big-endian header).</summary>
    public static void WriteIdx(string path, int magic, int[] dims, byte[] data)
    {
        using var file = File.Create(path);
        using Stream stream = path.EndsWith(".gz") ? new GZipStream(file, CompressionLevel.Fastest) : file;
        void Int(int v) => stream.Write([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
        Int(magic);
        foreach (var d in dims) Int(d);
        stream.Write(data);
    }

    [Test]
    public void FashionMnist_ReadsGzippedIdxFiles()
    {
        using var dir = new TempDirectory();
        var pixels = Enumerable.Range(0, 3 * 2 * 2).Select(i => (byte)(i * 10)).ToArray();
        foreach (var set in new[] { "train", "t10k" })
        {
            WriteIdx(dir.File($"{set}-images-idx3-ubyte.gz"), 0x803, [3, 2, 2], pixels);
            WriteIdx(dir.File($"{set}-labels-idx1-ubyte.gz"), 0x801, [3], [7, 0, 9]);
        }
        var (train, test) = FashionMnist.Load(dir.Path);
        Assert.That((train.Count, train.Channels, train.Height, train.Width, train.Classes),
            Is.EqualTo((3, 1, 2, 2, 10)));
        Assert.That(train.Labels, Is.EqualTo(new[] { 7, 0, 9 }));
        Assert.That(test.Pixels, Is.EqualTo(pixels));
    }

    [Test]
    public void FashionMnist_MissingFolder_SaysWhatToInstall()
    {
        var e = Assert.Throws<DataException>(() => FashionMnist.Load("/nonexistent/fmnist"))!;
        Assert.That(e.Message, Does.Contain("apt-get install dataset-fashion-mnist"));
    }

    [Test]
    public void ReadImages_WrongMagic_IsRejected()
    {
        using var dir = new TempDirectory();
        WriteIdx(dir.File("x.idx"), 0x801, [1], [1]);
        Assert.Throws<DataException>(() => IdxReader.ReadImages(dir.File("x.idx"), out _, out _, out _));
    }

    [Test]
    public void ReadImages_Truncated_IsRejected()
    {
        using var dir = new TempDirectory();
        WriteIdx(dir.File("x.idx"), 0x803, [2, 2, 2], [1, 2, 3]);
        var e = Assert.Throws<DataException>(() => IdxReader.ReadImages(dir.File("x.idx"), out _, out _, out _))!;
        Assert.That(e.Message, Does.Contain("truncated").And.Contain(dir.File("x.idx")));
    }
}
