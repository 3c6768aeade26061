using System.Buffers.Binary;
using System.IO.Compression;

namespace NasPipeline.Data;

/// <summary>Reads the IDX format of MNIST-style data sets (optionally gzip-compressed).</summary>
public static class IdxReader
{
    public static byte[] ReadImages(string path, out int count, out int height, out int width)
    {
        using var stream = Open(path);
        var header = ReadHeader(stream, path, expectedMagic: 0x00000803, dimensions: 3);
        (count, height, width) = (header[0], header[1], header[2]);
        return ReadExactly(stream, checked(count * height * width), path);
    }

    public static int[] ReadLabels(string path)
    {
        using var stream = Open(path);
        var header = ReadHeader(stream, path, expectedMagic: 0x00000801, dimensions: 1);
        return ReadExactly(stream, header[0], path).Select(b => (int)b).ToArray();
    }

    static Stream Open(string path)
    {
        if (!File.Exists(path)) throw new DataException($"IDX file not found: {path}");
        Stream file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    static int[] ReadHeader(Stream stream, string path, int expectedMagic, int dimensions)
    {
        var bytes = ReadExactly(stream, 4 + 4 * dimensions, path);
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != expectedMagic)
            throw new DataException($"{path}: IDX magic 0x{magic:x8}, expected 0x{expectedMagic:x8} (unsigned bytes, {dimensions} dimension(s))");
        return Enumerable.Range(0, dimensions).Select(i => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i))).ToArray();
    }

    static byte[] ReadExactly(Stream stream, int count, string path)
    {
        var buffer = new byte[count];
        try { stream.ReadExactly(buffer); }
        catch (EndOfStreamException) { throw new DataException($"{path}: file ends before the {count} bytes its header announces"); }
        return buffer;
    }
}
