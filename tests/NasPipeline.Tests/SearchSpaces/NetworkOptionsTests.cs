using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Tests.SearchSpaces.Darts;

namespace NasPipeline.Tests.SearchSpaces;

/// <summary>The seam's network options: DARTS builds its auxiliary head on request, NB201 has none to build.</summary>
public sealed class NetworkOptionsTests
{
    static readonly NetworkShape Shape = new(2, 3, 3, 10);

    [TestCase(false)]
    [TestCase(true)]
    public void Darts_BuildsTheHeadOnlyWhenAsked_AndCountsParametersWithoutIt(bool auxiliary)
    {
        var space = (ISearchSpace)DartsSearchSpace.Instance;
        var genotype = space.Parse(DartsGenotype.Parse(PublishedGenotypes.DartsV2).ToString()!);
        using var network = space.CreateNetwork(genotype, Shape, new NetworkOptions(auxiliary));
        Assert.That(network, Is.InstanceOf<IAuxiliaryHeadNetwork>().And.InstanceOf<IDropPathNetwork>());
        Assert.That(((IAuxiliaryHeadNetwork)network).HasAuxiliaryHead, Is.EqualTo(auxiliary));
        using var plain = space.CreateNetwork(genotype, Shape);
        Assert.That(space.ParameterCount(network), Is.EqualTo(space.ParameterCount(plain)));
        Assert.That((space.HasAuxiliaryHead, space.HasDropPath), Is.EqualTo((true, true)));
    }

    [Test]
    public void Nb201_HasNoHead_AndRefusesToBuildOne()
    {
        var space = (ISearchSpace)Nb201SearchSpace.Instance;
        Assert.That((space.HasAuxiliaryHead, space.HasDropPath), Is.EqualTo((false, false)));
        var genotype = space.Random(new Random(1));
        using var plain = space.CreateNetwork(genotype, new NetworkShape(4, 1, 1, 3), NetworkOptions.Plain);
        Assert.That(plain, Is.Not.InstanceOf<IAuxiliaryHeadNetwork>());
        Assert.Throws<NotSupportedException>(() =>
            space.CreateNetwork(genotype, new NetworkShape(4, 1, 1, 3), new NetworkOptions(AuxiliaryHead: true)));
    }
}
