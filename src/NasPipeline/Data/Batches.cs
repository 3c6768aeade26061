using static TorchSharp.torch;

namespace NasPipeline.Data;

/// <summary>
/// Mini-batches of normalised image tensors. Shuffling uses its own seeded <see cref="Random"/>, so the order is
/// the same on every run with the same seed whatever else consumed randomness. <see cref="Random"/>'s state cannot
/// be saved, so a resumed loop replays the orders drawn before its checkpoint (<see cref="FastForward"/>).
/// </summary>
public sealed class Batches(ImageSet images, Normalization normalization, int batchSize, bool shuffle, int seed)
{
    readonly Random _random = new(seed);

    public ImageSet Images { get; } = images;
    public int BatchSize { get; } = batchSize;
    public int Count => (Images.Count + BatchSize - 1) / BatchSize;

    /// <summary>Epoch orders drawn so far (one per <see cref="Epoch"/> begun).</summary>
    public int Draws { get; private set; }

    /// <summary>
    /// One epoch of (images [B,C,H,W], labels [B]) from batch <paramref name="skip"/> on (a resumed epoch skips the
    /// batches it trained on before the stop); a new order each epoch when shuffling. The order is drawn when the
    /// epoch is begun, not when its first batch is taken.
    /// </summary>
    public IEnumerable<(Tensor Images, Tensor Labels)> Epoch(int skip = 0)
    {
        var order = Draw();
        return Slices(order, skip);
    }

    /// <summary>Draws and discards orders until <paramref name="draws"/> have been drawn (builds no tensors).</summary>
    public void FastForward(int draws)
    {
        if (draws < Draws) throw new InvalidOperationException($"cannot rewind batches from {Draws} orders to {draws}");
        while (Draws < draws) Draw();
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
    /// Runs <paramref name="body"/> on each batch of one epoch from batch <paramref name="skip"/> on (with its
    /// 0-based index in the epoch), inside a dispose scope that also owns the batch tensors, so nothing a step
    /// allocates outlives it.
    /// </summary>
    public void ForEach(Action<Tensor, Tensor, int> body, int skip = 0)
    {
        using var batches = Epoch(skip).GetEnumerator();
        for (var index = skip; ; index++)
        {
            using var scope = NewDisposeScope();
            if (!batches.MoveNext()) return;
            body(batches.Current.Images, batches.Current.Labels, index);
        }
    }

    int[] Draw()
    {
        var order = Enumerable.Range(0, Images.Count).ToArray();
        if (shuffle) _random.Shuffle(order);
        Draws++;
        return order;
    }

    IEnumerable<(Tensor Images, Tensor Labels)> Slices(int[] order, int skip)
    {
        for (var start = (long)skip * BatchSize; start < order.Length; start += BatchSize)
            yield return Make(order.AsSpan((int)start, (int)Math.Min(BatchSize, order.Length - start)));
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
