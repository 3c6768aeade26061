namespace NasPipeline.Data;

/// <summary>
/// Images as raw bytes (N×C×H×W, 0–255) with integer labels. Bytes keep 60k Fashion-MNIST images at 47 MB;
/// normalisation happens per batch.
/// </summary>
public sealed record ImageSet(byte[] Pixels, int[] Labels, int Channels, int Height, int Width, int Classes)
{
    public int Count => Labels.Length;
    public int ImageSize => Channels * Height * Width;

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public ImageSet Subset(IReadOnlyList<int> indices)
    {
        var pixels = new byte[indices.Count * ImageSize];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Array.Copy(Pixels, (long)indices[i] * ImageSize, pixels, (long)i * ImageSize, ImageSize);
            labels[i] = Labels[indices[i]];
        }
        return this with { Pixels = pixels, Labels = labels };
    }

    /// <summary>The first <paramref name="count"/> images, or all when count is 0 or too large.</summary>
    public ImageSet Take(int count) =>
        count <= 0 || count >= Count ? this : Subset(Enumerable.Range(0, count).ToArray());
}
