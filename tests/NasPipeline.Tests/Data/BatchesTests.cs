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
    public void FastForward_Backwards_Throws()
    {
        var batches = Fresh();
        batches.FastForward(2);
        Assert.Throws<InvalidOperationException>(() => batches.FastForward(1));
    }
}
