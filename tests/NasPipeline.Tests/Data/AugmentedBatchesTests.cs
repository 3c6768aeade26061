using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.Tests.Trainers;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Data;

/// <summary>
/// Batches through an augmentation: the draws are a function of (seed, epoch, batch index) only, so they repeat
/// with the seed, differ between batches and epochs, and survive a resume; "none" changes no bit.
/// </summary>
public sealed class AugmentedBatchesTests
{
    static readonly SearchData Data = TrainerKit.TinyData();
    static readonly IAugmentation Crop = Augmentations.Of("crop-flip");

    static Batches Fresh(int seed = 9, IAugmentation? augmentation = null, ImageSet? images = null) =>
        new(images ?? Data.WeightHalf, Data.Normalization, 16, shuffle: true, seed, augmentation ?? Crop);

    static List<float[]> Images(IEnumerable<(Tensor Images, Tensor Labels)> epoch) =>
        epoch.Select(b =>
        {
            using var images = b.Images;
            using var labels = b.Labels;
            return images.data<float>().ToArray();
        }).ToList();

    /// <summary>32 copies of one image: any difference between batches is the augmentation's.</summary>
    static ImageSet Copies(byte value = 0)
    {
        var one = Data.WeightHalf.Subset([0]);
        var pixels = Enumerable.Range(0, 32).SelectMany(_ => one.Pixels).ToArray();
        if (value > 0) Array.Fill(pixels, value);
        return one with { Pixels = pixels, Labels = new int[32] };
    }

    [Test]
    public void CropFlip_SameSeed_SameBatches_OtherSeed_OtherBatches()
    {
        var a = Fresh(9);
        var b = Fresh(9);
        var first = Enumerable.Range(0, 2).SelectMany(_ => Images(a.Epoch())).ToList();
        Assert.That(Enumerable.Range(0, 2).SelectMany(_ => Images(b.Epoch())), Is.EqualTo(first));
        // Another seed draws another order too: compare the unshuffled images of identical copies instead.
        var one = new Batches(Copies(), Data.Normalization, 32, shuffle: false, 9, Crop);
        var two = new Batches(Copies(), Data.Normalization, 32, shuffle: false, 10, Crop);
        Assert.That(Images(two.Epoch()), Is.Not.EqualTo(Images(one.Epoch())));
    }

    [Test]
    public void CropFlip_DiffersAcrossBatchesAndEpochs()
    {
        var batches = new Batches(Copies(), Data.Normalization, 16, shuffle: false, 9, Crop);
        var first = Images(batches.Epoch());
        var second = Images(batches.Epoch());
        Assert.That(first[1], Is.Not.EqualTo(first[0]), "two batches of one epoch");
        Assert.That(second[0], Is.Not.EqualTo(first[0]), "the same batch in two epochs");
        var plain = new Batches(Copies(), Data.Normalization, 16, shuffle: false, 9);
        var unaugmented = Images(plain.Epoch());
        Assert.That(unaugmented[1], Is.EqualTo(unaugmented[0]), "the copies themselves are equal");
    }

    [Test]
    public void CropFlip_PadsWithTheNormalisedValueOfARawZero()
    {
        var black = Images(new Batches(Copies(0) with { Pixels = new byte[32 * Data.WeightHalf.ImageSize] },
            Data.Normalization, 32, shuffle: false, 0).Epoch())[0][0];
        var white = Images(new Batches(Copies(255), Data.Normalization, 32, shuffle: false, 0).Epoch())[0][0];
        var augmented = Images(new Batches(Copies(255), Data.Normalization, 32, shuffle: false, 0, Crop).Epoch())[0];
        Assert.That(augmented.All(v => v == white || v == black), Is.True, "only image pixels and padding");
        Assert.That(augmented.Count(v => v == black), Is.GreaterThan(0), "some crops reach into the padding");
        Assert.That(black, Is.EqualTo(Data.Normalization.OfRawZero()[0]));
    }

    [Test]
    public void None_LeavesBatchesBitIdenticalToNormalisedBytes()
    {
        var images = Data.WeightHalf;
        var batches = new Batches(images, Data.Normalization, images.Count, shuffle: false, 0,
            Augmentations.Of("none"));
        var actual = Images(batches.Epoch()).Single();
        // The normalisation Batches has always applied, written out: byte · 1/(255·std) − mean/std.
        var (mean, std) = (Data.Normalization.Mean[0], Data.Normalization.Std[0]);
        var expected = images.Pixels.Select(p => p * (1f / (255f * std)) - mean / std).ToArray();
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void FastForward_ThenEpochFromABatch_AugmentsAsAnUninterruptedSequence()
    {
        var uninterrupted = Fresh();
        var epochs = Enumerable.Range(0, 3).Select(_ => Images(uninterrupted.Epoch())).ToList();
        var resumed = Fresh();
        resumed.FastForward(2);
        Assert.That(Images(resumed.Epoch(skip: 1)), Is.EqualTo(epochs[2].Skip(1)));
    }

    [Test]
    public void At_WithAnAugmentation_Throws() =>
        Assert.Throws<InvalidOperationException>(() =>
            new Batches(Data.WeightHalf, Data.Normalization, 16, shuffle: false, 0, Crop).At(0));

    [TestCase("crop-flip", typeof(CropFlip))]
    [TestCase("none", typeof(NoAugmentation))]
    public void Split_TakesTheSectionsAugmentation(string augment, Type type)
    {
        var synthetic = new SyntheticOptions(8, 1, 3, 40, 8, 0.3);
        var (train, test) = SyntheticData.Generate(synthetic, 1);
        var data = SearchData.Split(train, test, new DatasetSection("synthetic", null, 0, 0, 0, 1, synthetic, augment));
        Assert.That(data.Augmentation, Is.TypeOf(type));
        if (data.Augmentation is CropFlip crop) Assert.That(crop.Padding, Is.EqualTo(4));
    }
}
