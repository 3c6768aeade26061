using static TorchSharp.torch;

namespace NasPipeline.Data;

/// <summary>Per image of a batch: the centre pixel (row, column) of its cutout square.</summary>
public sealed record CutoutDraws(long[] Rows, long[] Columns);

/// <summary>
/// [retrain] <c>cutout</c> = length: DARTS's Cutout (quark0/darts <c>cnn/utils.py</c>, appended to the CIFAR train
/// transform with <c>--cutout</c>, after DeVries and Taylor 2017). Per image one square: a centre (y, x) uniform over
/// the pixels, rows [y − length // 2, y + length // 2) and the same columns, clipped at the border, set to 0 in
/// every channel. It runs after normalisation, as in the reference, so the square holds the data's mean, not black.
/// </summary>
public sealed class Cutout : IAugmentation
{
    public Cutout(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Length = length;
    }

    public int Length { get; }

    public Tensor Apply(Tensor images, Normalization normalization, Random random) =>
        Apply(images, Draw((int)images.shape[0], (int)images.shape[2], (int)images.shape[3], random));

    /// <summary>Per image a row then a column, each uniform (the reference's <c>np.random.randint(h)</c>, <c>(w)</c>).
    /// </summary>
    public static CutoutDraws Draw(int count, int height, int width, Random random)
    {
        var (rows, columns) = (new long[count], new long[count]);
        for (var i = 0; i < count; i++) (rows[i], columns[i]) = (random.Next(height), random.Next(width));
        return new CutoutDraws(rows, columns);
    }

    /// <summary>
    /// The batch with each image's square (as <paramref name="draws"/> place it) zeroed; the images stay as they
    /// are. The square's bounds are clipped, so one centred near a border covers less than length².
    /// </summary>
    public Tensor Apply(Tensor images, CutoutDraws draws)
    {
        using var scope = NewDisposeScope();
        var (n, h, w) = (images.shape[0], images.shape[2], images.shape[3]);
        var device = images.device;
        var half = Length / 2;
        var rows = arange(h, device: device).view(1, h, 1);
        var columns = arange(w, device: device).view(1, 1, w);
        var top = tensor(draws.Rows, device: device).view(n, 1, 1);
        var left = tensor(draws.Columns, device: device).view(n, 1, 1);
        // y − half ≤ row < y + half is the clipped slice [clip(y − half), clip(y + half)): rows outside [0, h) do
        // not exist, so clipping needs no code.
        var inside = rows.ge(top.sub(half)).logical_and(rows.lt(top.add(half)))
            .logical_and(columns.ge(left.sub(half))).logical_and(columns.lt(left.add(half)));
        return images.masked_fill(inside.view(n, 1, h, w), 0).MoveToOuterDisposeScope();
    }
}
