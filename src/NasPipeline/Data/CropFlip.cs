using static TorchSharp.torch;

namespace NasPipeline.Data;

/// <summary>Per image of a batch: the crop's top-left corner in the padded image, and whether it is mirrored.</summary>
public sealed record CropFlipDraws(long[] Tops, long[] Lefts, bool[] Flips);

/// <summary>
/// <c>augment = "crop-flip"</c>, the CIFAR train transform of DARTS (cnn/utils.py, <c>_data_transforms_cifar10</c>)
/// and NAS-Bench-201 (lib/datasets/get_dataset_with_transform.py): torchvision's RandomCrop(size, padding) — pad
/// each side with black, cut an image of the original size at a uniform offset — then RandomHorizontalFlip(0.5),
/// one independent draw per image. It runs on the normalised batch, padding with the normalised value of a raw 0
/// (<see cref="Normalization.OfRawZero"/>), which gives exactly the images of cropping the raw bytes before
/// normalising. The whole batch takes one gather: the crop and the mirror are both just an index per row and column.
/// </summary>
public sealed class CropFlip(int padding) : IAugmentation
{
    /// <summary>RandomCrop(32, padding=4): the padding every reference uses for CIFAR.</summary>
    public const int CifarPadding = 4;

    public int Padding { get; } = padding;

    public Tensor Apply(Tensor images, Normalization normalization, Random random) =>
        Apply(images, normalization.OfRawZero(), Draw((int)images.shape[0], random));

    /// <summary>
    /// Offsets uniform in [0, 2·padding] (torchvision's randint(0, h − th + 1)), mirrors with chance ½.
    /// </summary>
    public CropFlipDraws Draw(int count, Random random)
    {
        var (tops, lefts, flips) = (new long[count], new long[count], new bool[count]);
        for (var i = 0; i < count; i++)
        {
            tops[i] = random.Next(2 * Padding + 1);
            lefts[i] = random.Next(2 * Padding + 1);
            flips[i] = random.Next(2) == 1;
        }
        return new CropFlipDraws(tops, lefts, flips);
    }

    /// <summary>
    /// The batch cropped and mirrored as <paramref name="draws"/> say, with <paramref name="fill"/> (one value per
    /// channel) around the images: out[b, c, y, x] = padded[b, c, top_b + y, left_b + (flip_b ? W − 1 − x : x)],
    /// which is the crop followed by the mirror. The position within a padded plane is the same for every channel,
    /// so it is one [B, H·W] index shared by the channels (a gather), rather than four broadcast indices (a third of
    /// the time on a CIFAR batch, the same values).
    /// </summary>
    public Tensor Apply(Tensor images, float[] fill, CropFlipDraws draws)
    {
        using var scope = NewDisposeScope();
        var (n, c, h, w) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        var (paddedHeight, paddedWidth) = (h + 2 * Padding, w + 2 * Padding);
        var device = images.device;
        var padded = tensor(fill, device: device).view(1, c, 1, 1).expand(n, c, paddedHeight, paddedWidth).contiguous();
        padded.narrow(2, Padding, h).narrow(3, Padding, w).copy_(images);

        var rows = tensor(draws.Tops, device: device).view(n, 1, 1).add(arange(h, device: device).view(1, h, 1));
        var x = arange(w, device: device).view(1, 1, w);
        var columns = where(tensor(draws.Flips, device: device).view(n, 1, 1), w - 1 - x, x)
            .add(tensor(draws.Lefts, device: device).view(n, 1, 1));
        var within = rows.mul(paddedWidth).add(columns).view(n, 1, h * w).expand(n, c, h * w);
        return padded.view(n, c, paddedHeight * paddedWidth).gather(2, within).view(n, c, h, w)
            .MoveToOuterDisposeScope();
    }
}
