using static TorchSharp.torch;

namespace NasPipeline.Data;

/// <summary>
/// Mini-batches of normalised image tensors. Shuffling uses its own seeded <see cref="Random"/>, so the order is
/// the same on every run with the same seed whatever else consumed randomness.
/// </summary>
public sealed class Batches(ImageSet images, Normalization normalization, int batchSize, bool shuffle, int seed)
{
    readonly Random _random = new(seed);

    public ImageSet Images { get; } = images;
    public int BatchSize { get; } = batchSize;
    public int Count => (Images.Count + BatchSize - 1) / BatchSize;

    /// <summary>One epoch of (images [B,C,H,W], labels [B]); a new order each epoch when shuffling.</summary>
    public IEnumerable<(Tensor Images, Tensor Labels)> Epoch()
    {
        var order = Enumerable.Range(0, Images.Count).ToArray();
        if (shuffle) _random.Shuffle(order);
        for (var start = 0; start < order.Length; start += BatchSize)
            yield return Make(order.AsSpan(start, Math.Min(BatchSize, order.Length - start)));
    }

    /// <summary>Batch number <paramref name="index"/> (wrapping around) of the fixed, unshuffled order; builds only that batch.</summary>
    public (Tensor Images, Tensor Labels) At(int index)
    {
        if (shuffle) throw new InvalidOperationException("At(index) is for unshuffled batches: a shuffled order changes every epoch");
        if (Images.Count == 0) throw new InvalidOperationException("no images to batch");
        var start = index % Count * BatchSize;
        return Make(Enumerable.Range(start, Math.Min(BatchSize, Images.Count - start)).ToArray());
    }

    /// <summary>
    /// Runs <paramref name="body"/> on each batch of one epoch (with its 0-based index), inside a dispose scope that
    /// also owns the batch tensors, so nothing a step allocates outlives it.
    /// </summary>
    public void ForEach(Action<Tensor, Tensor, int> body)
    {
        using var batches = Epoch().GetEnumerator();
        for (var index = 0; ; index++)
        {
            using var scope = NewDisposeScope();
            if (!batches.MoveNext()) return;
            body(batches.Current.Images, batches.Current.Labels, index);
        }
    }

    (Tensor, Tensor) Make(ReadOnlySpan<int> indices)
    {
        var size = Images.ImageSize;
        var plane = Images.Height * Images.Width;
        var pixels = new float[indices.Length * size];
        var labels = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            var source = (long)indices[i] * size;
            for (var c = 0; c < Images.Channels; c++)
            {
                float mean = normalization.Mean[c], scale = 1f / (255f * normalization.Std[c]), offset = mean / normalization.Std[c];
                for (var p = 0; p < plane; p++)
                {
                    var at = c * plane + p;
                    pixels[i * size + at] = Images.Pixels[source + at] * scale - offset;
                }
            }
            labels[i] = Images.Labels[indices[i]];
        }
        return (tensor(pixels, [indices.Length, Images.Channels, Images.Height, Images.Width]), tensor(labels));
    }
}
