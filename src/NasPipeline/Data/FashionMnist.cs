namespace NasPipeline.Data;

/// <summary>Fashion-MNIST from IDX files (Debian's <c>dataset-fashion-mnist</c> installs them).</summary>
public static class FashionMnist
{
    public static (ImageSet Train, ImageSet Test) Load(string directory)
    {
        string File(string stem) =>
            new[] { stem + ".gz", stem }.Select(n => Path.Combine(directory, n)).FirstOrDefault(System.IO.File.Exists)
            ?? throw new DataException(
                $"Fashion-MNIST file {stem}(.gz) not found in {directory}. Install it with 'apt-get install dataset-fashion-mnist' " +
                "(Debian) or set [dataset] path to a folder holding the four IDX files.");
        return (Read(File("train-images-idx3-ubyte"), File("train-labels-idx1-ubyte")),
                Read(File("t10k-images-idx3-ubyte"), File("t10k-labels-idx1-ubyte")));
    }

    static ImageSet Read(string images, string labels)
    {
        var pixels = IdxReader.ReadImages(images, out var count, out var height, out var width);
        var y = IdxReader.ReadLabels(labels);
        if (y.Length != count) throw new DataException($"{labels} has {y.Length} labels for {count} images in {images}");
        return new ImageSet(pixels, y, 1, height, width, 10);
    }
}
