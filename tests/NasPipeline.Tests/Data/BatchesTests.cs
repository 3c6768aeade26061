using NasPipeline.Data;
using NasPipeline.Tests.Trainers;

namespace NasPipeline.Tests.Data;

public sealed class BatchesTests
{
    static readonly SearchData Data = TrainerKit.TinyData();

    static Batches Fresh() => new(Data.WeightHalf, Data.Normalization, 16, shuffle: true, seed: 9);

    static List<long[]> Labels(IEnumerable<(TorchSharp.torch.Tensor Images, TorchSharp.torch.Tensor Labels)> epoch) =>
        epoch.Select(b =>
        {
            using var images = b.Images;
            using var labels = b.Labels;
            return labels.data<long>().ToArray();
        }).ToList();

    [Test]
    public void FastForward_ThenEpochFromABatch_GivesTheBatchesAnUninterruptedSequenceGives()
    {
        var uninterrupted = Fresh();
        var epochs = Enumerable.Range(0, 3).Select(_ => Labels(uninterrupted.Epoch())).ToList();

        var resumed = Fresh();
        resumed.FastForward(2); // two epochs were drawn before the stop; the third stopped after its first batch
        Assert.That(Labels(resumed.Epoch(skip: 1)), Is.EqualTo(epochs[2].Skip(1)));
        Assert.That(resumed.Draws, Is.EqualTo(3));
    }

    [Test]
    public void Epoch_DrawsItsOrderWhenBegun_EvenWithNothingLeftToTake()
    {
        var batches = Fresh();
        using (batches.Epoch(skip: batches.Count).GetEnumerator()) { }
        Assert.That(batches.Draws, Is.EqualTo(1));
        var reference = Fresh();
        reference.FastForward(1);
        Assert.That(Labels(batches.Epoch()), Is.EqualTo(Labels(reference.Epoch())));
    }

    [Test]
    public void ForEach_FromABatch_NumbersBatchesWithinTheEpoch()
    {
        var seen = new List<int>();
        Fresh().ForEach((_, _, index) => seen.Add(index), skip: 1);
        Assert.That(seen, Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Epoch_NormalisesEachByteAsAffineSays_BitForBit()
    {
        // Every byte value in each of three channels, with awkward statistics: the tensor path must give the bits
        // of v · scale − offset computed in float32, image by image in the batch's order.
        var pixels = Enumerable.Range(0, 4 * 3 * 8 * 8).Select(i => (byte)(i * 7 % 256)).ToArray();
        var images = new ImageSet(pixels, [2, 0, 1, 2], 3, 8, 8, 3);
        var normalization = new Normalization([0.4914f, 0.1f, 0.93f], [0.247f, 0.0123f, 1.7f]);
        var (batch, labels) = new Batches(images, normalization, 3, shuffle: false, seed: 0).At(1);
        using (batch)
        using (labels)
        {
            var expected = new float[3 * 8 * 8];
            for (var c = 0; c < 3; c++)
            {
                var (scale, offset) = normalization.Affine(c);
                for (var p = 0; p < 64; p++) expected[c * 64 + p] = pixels[3 * 192 + c * 64 + p] * scale - offset;
            }
            Assert.That(batch.shape, Is.EqualTo(new long[] { 1, 3, 8, 8 }));
            Assert.That(batch.data<float>().ToArray(), Is.EqualTo(expected));
            Assert.That(labels.data<long>().ToArray(), Is.EqualTo(new long[] { 2 }));
        }
    }

    [Test]
    public void FastForward_Backwards_Throws()
    {
        var batches = Fresh();
        batches.FastForward(2);
        Assert.Throws<InvalidOperationException>(() => batches.FastForward(1));
    }
}
