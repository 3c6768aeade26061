using NasPipeline.Selectors;
using NasPipeline.Selectors.Random;

namespace NasPipeline.Tests.Selectors.Random;

public sealed class RandomSelectorTests
{
    static SelectionContext Context(int seed) =>
        new([], seed, () => throw new AssertionException("no supernet"), () => throw new AssertionException("no data"));

    [Test]
    public void Select_IsSeeded_AndCoversTheSpace()
    {
        Assert.That(new RandomSelector().Select(Context(3)).Genotype,
            Is.EqualTo(new RandomSelector().Select(Context(3)).Genotype));
        var seen = Enumerable.Range(0, 200).Select(s => new RandomSelector().Select(Context(s)).Genotype)
            .Distinct().Count();
        Assert.That(seen, Is.GreaterThan(150), "200 seeds should give mostly different architectures out of 15,625");
    }
}
