using static TorchSharp.torch;

namespace NasPipeline.Data;

/// <summary>
/// Mini-batches of normalised image tensors. Shuffling uses its own seeded <see cref="Random"/>, so the order is
/// the same on every run with the same seed whatever else consumed randomness. <see cref="Random"/>'s state cannot
/// be saved, so a resumed loop replays the orders drawn before its checkpoint (<see cref="FastForward"/>). Training
/// batches go through <paramref name="augmentation"/> with a generator seeded from (seed, epoch order, batch index)
/// alone, so a batch is augmented the same whether or not the run stopped before it.
/// </summary>
public sealed class Batches(
    ImageSet images, Normalization normalization, int batchSize, bool shuffle, int seed,
    IAugmentation? augmentation = null)
{
    readonly Random _random = new(seed);
    readonly IAugmentation _augmentation = augmentation ?? NoAugmentation.Instance;

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
        return Slices(order, skip, Draws);
    }

    /// <summary>Draws and discards orders until <paramref name="draws"/> have been drawn (builds no tensors).</summary>
    public void FastForward(int draws)
    {
        if (draws < Draws) throw new InvalidOperationException($"cannot rewind batches from {Draws} orders to {draws}");
        while (Draws < draws) Draw();
    }

    /// <summary>
    /// Batch number <paramref name="index"/> (wrapping around) of the fixed, unshuffled order; builds only that
    /// batch. For scoring batches, which are never augmented.
    /// </summary>
    public (Tensor Images, Tensor Labels) At(int index)
    {
        if (shuffle) throw new InvalidOperationException("At(index) is for unshuffled batches: a shuffled order " +
            "changes every epoch");
        if (_augmentation is not NoAugmentation)
            throw new InvalidOperationException("At(index) is for scoring batches, which are not augmented");
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

    /// <summary>The batches of one order from batch <paramref name="skip"/> on; <paramref name="draw"/> says which
    /// order it is (1 for the first epoch's), part of each batch's augmentation seed.</summary>
    IEnumerable<(Tensor Images, Tensor Labels)> Slices(int[] order, int skip, int draw)
    {
        for (var index = skip; (long)index * BatchSize < order.Length; index++)
        {
            var start = index * BatchSize;
            var (pixels, labels) = Make(order.AsSpan(start, Math.Min(BatchSize, order.Length - start)));
            yield return (Augment(pixels, draw, index), labels);
        }
    }

    Tensor Augment(Tensor pixels, int draw, int index) =>
        _augmentation is NoAugmentation ? pixels
            : _augmentation.Apply(pixels, normalization, new Random(SeedMix.Of(seed, draw, index)));

    /// <summary>
    /// The images at <paramref name="indices"/>, normalised, and their labels. The raw bytes are gathered by one
    /// index_select from a tensor over the image set's own array (pinned for the call, not copied) and normalised by
    /// two tensor ops: a managed per-pixel loop cost about a millisecond per batch and a large managed float array.
    /// x · scale − offset in float32, as <see cref="Normalization.Affine"/> defines it: the same bits either way.
    /// </summary>
    (Tensor, Tensor) Make(ReadOnlySpan<int> indices)
    {
        using var scope = NewDisposeScope();
        var (count, channels) = (Images.Count, Images.Channels);
        var rows = new long[indices.Length];
        var labels = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++) (rows[i], labels[i]) = (indices[i], Images.Labels[indices[i]]);
        var (scale, offset) = (new float[channels], new float[channels]);
        for (var c = 0; c < channels; c++) (scale[c], offset[c]) = normalization.Affine(c);

        var all = frombuffer(Images.Pixels, ScalarType.Byte, count: (long)count * Images.ImageSize)
            .view(count, channels, Images.Height, Images.Width);
        var pixels = all.index_select(0, tensor(rows, device: CPU)).to(ScalarType.Float32)
            .mul_(tensor(scale, device: CPU).view(1, channels, 1, 1))
            .sub_(tensor(offset, device: CPU).view(1, channels, 1, 1));
        var device = get_default_device();
        return (pixels.to(device).MoveToOuterDisposeScope(), tensor(labels, device: device).MoveToOuterDisposeScope());
    }
}
