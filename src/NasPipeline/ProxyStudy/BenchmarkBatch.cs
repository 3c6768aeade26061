using NasPipeline.Data;
using static TorchSharp.torch;

namespace NasPipeline.ProxyStudy;

/// <summary>
/// The one batch every architecture is scored on, shaped like the benchmark's input (3×32×32): a seeded sample of
/// the training images, normalised, grey images repeated over three channels and other sizes resized bilinearly.
/// Data-free proxies get a zero batch of that shape: they read only its shape.
/// </summary>
public sealed record BenchmarkBatch(Tensor Images, Tensor Labels, string Description) : IDisposable
{
    public const int Channels = 3, Size = 32;

    public static BenchmarkBatch FromData(SearchData data, string dataset, int batchSize, int seed)
    {
        var count = Math.Min(batchSize, data.Train.Count);
        var sample = data.Train.Subset(Permutation.Seeded(data.Train.Count, seed)[..count]);
        var (images, labels) = new Batches(sample, data.Normalization, count, shuffle: false, seed).At(0);
        var notes = new List<string>();
        if (images.shape[1] == 1)
        {
            using var grey = images;
            images = grey.expand(-1, Channels, -1, -1).contiguous();
            notes.Add("grey repeated to 3 channels");
        }
        if (images.shape[2] != Size || images.shape[3] != Size)
        {
            notes.Add($"resized {images.shape[2]}×{images.shape[3]} → {Size}×{Size}");
            using var original = images;
            images = nn.functional.interpolate(original, [Size, Size], mode: InterpolationMode.Bilinear,
                align_corners: false);
        }
        if (images.shape[1] != Channels)
            throw new DataException($"{dataset} has {images.shape[1]} channels; the benchmark's networks take " +
                $"{Channels} (or grey images, repeated)");
        var how = notes.Count == 0 ? "" : $" ({string.Join(", ", notes)})";
        return new BenchmarkBatch(images, labels, $"{count} {dataset} training images{how}");
    }

    public static BenchmarkBatch DataFree(int batchSize) =>
        new(zeros(batchSize, Channels, Size, Size), zeros(batchSize, dtype: ScalarType.Int64),
            "none (data-free; input shape 3×32×32 only)");

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
