using NasPipeline.Data;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Data;

/// <summary>[dataset] augment then [retrain] cutout: one generator, drawn in order, the first step unchanged.</summary>
public sealed class AugmentationSequenceTests
{
    static readonly Normalization Unit = new([0.5f, 0.5f], [1f, 1f]); // padding is −0.5, never 0

    [Test]
    public void Of_CropFlipThenCutout_EqualsTheTwoAppliedInTurnFromOneGenerator()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var images = randn(5, 2, 8, 8).add(3); // no pixel is 0 before the cut
        var (cropFlip, cutout) = (new CropFlip(2), new Cutout(4));
        var sequence = AugmentationSequence.Of(cropFlip, cutout);

        var random = new Random(7);
        var cropped = cropFlip.Apply(images, Unit, random);
        var expected = cutout.Apply(cropped, Unit, random);
        var actual = sequence.Apply(images, Unit, new Random(7));
        Assert.That(actual.equal(expected).all().item<bool>(), Is.True);
        // Where the square is not, the images are crop-flip's alone: adding cutout leaves its draws as they were.
        var kept = actual.ne(0);
        Assert.That(actual.masked_select(kept).equal(cropped.masked_select(kept)).all().item<bool>(), Is.True);
        Assert.That(kept.logical_not().any().item<bool>(), Is.True);
    }

    [Test]
    public void Of_LeavesOutNone()
    {
        var cutout = new Cutout(4);
        Assert.That(AugmentationSequence.Of(NoAugmentation.Instance, cutout), Is.SameAs(cutout));
        Assert.That(AugmentationSequence.Of(cutout, NoAugmentation.Instance), Is.SameAs(cutout));
    }
}
