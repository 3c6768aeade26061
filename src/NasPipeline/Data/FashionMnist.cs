namespace NasPipeline.Data;

/// <summary>Fashion-MNIST from IDX files (Debian's <c>dataset-fashion-mnist</c> installs them).</summary>
public static class FashionMnist
{
    const int Classes = 10;

    public static (ImageSet Train, ImageSet Test) Load(string directory)
    {
        string File(string stem) =>
            new[] { stem + ".gz", stem }.Select(n => Path.Combine(directory, n)).FirstOrDefault(System.IO.File.Exists)
            ?? throw new DataException(
                $"Fashion-MNIST file {stem}(.gz) not found in {directory}. Install it with " +
                "'apt-get install dataset-fashion-mnist' (Debian) or set [dataset] path to a folder holding the four " +
                "IDX files.");
        var (trainImages, testImages) = (File("train-images-idx3-ubyte"), File("t10k-images-idx3-ubyte"));
        var train = Read(trainImages, File("train-labels-idx1-ubyte"));
        var test = Read(testImages, File("t10k-labels-idx1-ubyte"));
        if ((train.Height, train.Width) != (test.Height, test.Width))
            throw new DataException($"{testImages} holds {test.Height}×{test.Width} images but {trainImages} holds " +
                $"{train.Height}×{train.Width}: training and test images must have one size");
        return (train, test);
    }

    static ImageSet Read(string images, string labels)
    {
        var pixels = IdxReader.ReadImages(images, out var count, out var height, out var width);
        var y = IdxReader.ReadLabels(labels, Classes);
        if (y.Length != count)
            throw new DataException($"{labels} has {y.Length} labels for {count} images in {images}");
        return new ImageSet(pixels, y, 1, height, width, Classes);
    }
}
