using System.Buffers.Binary;
using System.IO.Compression;

namespace NasPipeline.Data;

/// <summary>
/// Reads the IDX format of MNIST-style data sets, gzip-compressed or not (told by the content, not the name). The
/// whole file is read before its header is believed, so a header that announces more or fewer bytes than follow, a
/// negative or absurd dimension, or a label beyond the data set's classes is a <see cref="DataException"/> naming the
/// file, never an overflow, a huge allocation or a native error in the loss much later.
/// </summary>
public static class IdxReader
{
    const int ImagesMagic = 0x00000803, LabelsMagic = 0x00000801;

    public static byte[] ReadImages(string path, out int count, out int height, out int width)
    {
        var (dimensions, data) = Read(path, ImagesMagic, "images");
        (count, height, width) = (dimensions[0], dimensions[1], dimensions[2]);
        if (count == 0 || height == 0 || width == 0)
            throw new DataException($"{path}: its header announces {Shape(dimensions)}: no images to read");
        return data;
    }

    /// <summary>The labels, each checked to be below <paramref name="classes"/>.</summary>
    public static int[] ReadLabels(string path, int classes)
    {
        var (_, data) = Read(path, LabelsMagic, "labels");
        var labels = new int[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] >= classes)
                throw new DataException(
                    $"{path}: label {data[i]} of item {i} is out of range (the data set has {classes} classes, " +
                    $"labels 0..{classes - 1})");
            labels[i] = data[i];
        }
        return labels;
    }

    static (int[] Dimensions, byte[] Data) Read(string path, int magic, string kind)
    {
        var bytes = Bytes(path);
        var rank = magic & 0xff;
        var header = 4 + 4 * rank;
        if (bytes.Length < 4)
            throw new DataException($"{path}: {bytes.Length} bytes, fewer than the {header}-byte header of an IDX " +
                $"{kind} file");
        var found = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (found != magic)
            throw new DataException($"{path}: IDX magic 0x{found:x8} ({Kind(found)}), expected 0x{magic:x8} (an IDX " +
                $"{kind} file: unsigned bytes, {rank} dimension(s))");
        if (bytes.Length < header)
            throw new DataException($"{path}: {bytes.Length} bytes, fewer than the {header}-byte header of an IDX " +
                $"{kind} file");
        var dimensions = Enumerable.Range(0, rank)
            .Select(i => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i))).ToArray();
        if (dimensions.Any(d => d < 0))
            throw new DataException($"{path}: its header announces a negative size ({Shape(dimensions)})");
        // Three int dimensions multiply to under 2^93: Int128 cannot overflow.
        var expected = dimensions.Aggregate((Int128)1, (product, d) => product * d);
        var present = bytes.Length - header;
        if (expected != present)
            throw new DataException(expected > present
                ? $"{path}: truncated: its header announces {Shape(dimensions)} = {expected} bytes but only " +
                  $"{present} follow"
                : $"{path}: its header announces {Shape(dimensions)} = {expected} bytes but {present} follow " +
                  "(the header's count does not match the data)");
        return (dimensions, bytes.AsSpan(header).ToArray());
    }

    /// <summary>The file's bytes, decompressed when they start with gzip's magic (1f 8b).</summary>
    static byte[] Bytes(string path)
    {
        if (!File.Exists(path)) throw new DataException($"IDX file not found: {path}");
        var raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b) return raw;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            return plain.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DataException($"{path}: corrupt or truncated gzip data ({e.Message})");
        }
    }

    static string Shape(int[] dimensions) => string.Join("×", dimensions);

    static string Kind(int magic) => magic switch
    {
        ImagesMagic => "an IDX images file",
        LabelsMagic => "an IDX labels file",
        _ when (magic >> 16) == 0 && ((magic >> 8) & 0xff) is >= 0x08 and <= 0x0e =>
            $"an IDX file of {magic & 0xff} dimension(s) and data type 0x{(magic >> 8) & 0xff:x2}",
        _ => "not an IDX file",
    };
}
