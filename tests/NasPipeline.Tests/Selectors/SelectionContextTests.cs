using NasPipeline.Selectors;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Tests.Trainers;

namespace NasPipeline.Tests.Selectors;

public sealed class SelectionContextTests
{
    static byte[][] Weights(ISupernet network) =>
        network.WeightParameters().Select(p => p.data<float>().ToArray().SelectMany(BitConverter.GetBytes).ToArray())
            .ToArray();

    /// <summary>
    /// Zero-Cost-PT validates every candidate on a network of its own, freshly initialised (post_validate.py builds
    /// one per genotype after seeding once): each draw is another network, the same on every run.
    /// </summary>
    [Test]
    public void NewUntrainedSupernet_EachDrawIsItsOwnReproducibleInitialisation()
    {
        var data = TrainerKit.TinyData();
        using var context = new SelectionContext(null, 3, () => throw new InvalidOperationException(), () => data,
            untrained: () => new Nb201Supernet(4, 1, 1, 3));
        using var first = context.NewUntrainedSupernet();
        using var again = context.NewUntrainedSupernet(0);
        using var other = context.NewUntrainedSupernet(1);
        using var otherAgain = context.NewUntrainedSupernet(1);
        Assert.That(Weights(again), Is.EqualTo(Weights(first)));
        Assert.That(Weights(otherAgain), Is.EqualTo(Weights(other)));
        Assert.That(Weights(other), Is.Not.EqualTo(Weights(first)));
    }
}
