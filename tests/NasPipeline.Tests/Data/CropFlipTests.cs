using NasPipeline.Data;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Data;

/// <summary>RandomCrop(padding) + RandomHorizontalFlip on normalised batches, checked by hand on tiny ones.</summary>
public sealed class CropFlipTests
{
    static float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();

    [Test]
    public void Apply_HandComputed_CropsThePaddedImageThenMirrors_FillingEachChannelWithItsOwnValue()
    {
        // Two images of two channels, 2×2; channel 1 is channel 0 + 10. Padding 1 makes them 4×4.
        using var images = tensor(new float[] { 1, 2, 3, 4, 11, 12, 13, 14, 5, 6, 7, 8, 15, 16, 17, 18 },
            [2, 2, 2, 2]);
        float[] fill = [-9, -19];
        // Image 0: top-left corner of the padded image, not mirrored. Image 1: rows 2–3, columns 1–2, mirrored.
        var draws = new CropFlipDraws([0, 2], [0, 1], [false, true]);
        using var result = new CropFlip(1).Apply(images, fill, draws);
        Assert.That(result.shape, Is.EqualTo(new long[] { 2, 2, 2, 2 }));
        Assert.That(Values(result), Is.EqualTo(new float[]
        {
            -9, -9, -9, 1, -19, -19, -19, 11, // image 0: the pad above and left of pixel (0,0)
            8, 7, -9, -9, 18, 17, -19, -19, // image 1: padded row 2 = [f 7 8 f], columns 2,1; row 3 is all pad
        }));
    }

    [Test]
    public void Apply_FlipsExactlyTheDrawnImages()
    {
        manual_seed(3);
        using var images = randn(6, 3, 5, 7);
        var flips = new[] { true, false, true, true, false, false };
        var centred = Enumerable.Repeat(2L, 6).ToArray(); // offset = padding: no shift
        using var result = new CropFlip(2).Apply(images, [0, 0, 0], new CropFlipDraws(centred, centred, flips));
        for (var i = 0; i < flips.Length; i++)
        {
            using var original = images[i];
            using var expected = flips[i] ? original.flip(2) : original.clone();
            using var actual = result[i];
            Assert.That(Values(actual), Is.EqualTo(Values(expected)), $"image {i} flipped: {flips[i]}");
        }
    }

    [Test]
    public void Apply_WithRandomDraws_KeepsTheShapeOfNonSquareBatches()
    {
        using var images = zeros(4, 3, 6, 9);
        var normalization = new Normalization([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]);
        using var result = new CropFlip(CropFlip.CifarPadding).Apply(images, normalization, new Random(1));
        Assert.That(result.shape, Is.EqualTo(new long[] { 4, 3, 6, 9 }));
    }

    [Test]
    public void Draw_IsDeterministicPerSeed_CoversEveryOffset_AndFlipsAboutHalf()
    {
        var crop = new CropFlip(4);
        var a = crop.Draw(2000, new Random(7));
        var b = crop.Draw(2000, new Random(7));
        var c = crop.Draw(2000, new Random(8));
        Assert.That((a.Tops, a.Lefts, a.Flips), Is.EqualTo((b.Tops, b.Lefts, b.Flips)));
        Assert.That(a.Tops, Is.Not.EqualTo(c.Tops));
        Assert.That(a.Tops.Distinct().Order(), Is.EqualTo(Enumerable.Range(0, 9).Select(v => (long)v)));
        Assert.That(a.Lefts.Distinct().Order(), Is.EqualTo(Enumerable.Range(0, 9).Select(v => (long)v)));
        Assert.That(a.Flips.Count(f => f), Is.InRange(900, 1100));
    }
}
