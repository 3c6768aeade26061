using NasPipeline.SearchSpaces.Darts;

namespace NasPipeline.Tests.SearchSpaces.Darts;

/// <summary>
/// Parameter parity with the DARTS reference: counts without the auxiliary head, as DARTS's
/// <c>count_parameters_in_MB</c>. DARTS_V2 at C=36, 20 layers, 10 classes is 3,349,342 in DARTS's own log
/// (<c>param size = 3.349342MB</c>); the other sizes are checked against <see cref="HandParameterCount"/>,
/// which is itself anchored on that number and on the published sizes below.
/// </summary>
public sealed class NetworkCIFARParameterTests
{
    [Test]
    public void DartsV2_AtDartsSize_HasDartsPublishedCount()
    {
        var genotype = DartsGenotype.Parse(PublishedGenotypes.DartsV2);
        using var network = new NetworkCIFAR(genotype, 36, 20, 10, auxiliary: true);
        Assert.That(network.ParameterCount(), Is.EqualTo(3_349_342));
    }

    [Test]
    public void HandCount_MatchesThePublishedSizes()
    {
        // DARTS's log gives V2 exactly; the others are published rounded: PC-DARTS 3.6 M, P-DARTS 3.4 M (their
        // papers' tables, C=36, 20 layers), darts-pt's s5 genotype "2.85 (param size)" in its genotypes.py.
        Assert.That(Hand(PublishedGenotypes.DartsV2, 36, 20, 10), Is.EqualTo(3_349_342));
        Assert.That(Math.Round(Hand(PublishedGenotypes.PcDartsCifar, 36, 20, 10) / 1e6, 1), Is.EqualTo(3.6));
        Assert.That(Math.Round(Hand(PublishedGenotypes.Pdarts, 36, 20, 10) / 1e6, 1), Is.EqualTo(3.4));
        Assert.That(Math.Round(Hand(PublishedGenotypes.DartsPtS5, 36, 20, 10) / 1e6, 2), Is.EqualTo(2.85));
    }

    [TestCase(nameof(PublishedGenotypes.DartsV1), 16, 8, 10, 3)]
    [TestCase(nameof(PublishedGenotypes.PcDartsCifar), 20, 14, 100, 3)]
    [TestCase(nameof(PublishedGenotypes.Pdarts), 16, 8, 10, 1)]
    [TestCase(nameof(PublishedGenotypes.DartsPtS5), 12, 6, 10, 3)]
    [TestCase(nameof(PublishedGenotypes.PcDartsCifar), 36, 20, 10, 3)]
    public void PublishedGenotype_AtOtherSizes_MatchesHandCount(string name, int c, int layers, int classes, int input)
    {
        var text = (string)typeof(PublishedGenotypes).GetField(name)!.GetValue(null)!;
        using var network = new NetworkCIFAR(DartsGenotype.Parse(text), c, layers, classes, auxiliary: false, input);
        Assert.That(network.ParameterCount(), Is.EqualTo(Hand(text, c, layers, classes, input)));
    }

    [Test]
    public void HandCount_AtOtherSizes_IsTheWorkedNumber()
    {
        // Pinned from the arithmetic once (the same numbers a plain Python transcription of the formula printed),
        // so a change to HandParameterCount itself cannot pass silently.
        Assert.That(Hand(PublishedGenotypes.DartsV1, 16, 8, 10), Is.EqualTo(232_890));
        Assert.That(Hand(PublishedGenotypes.PcDartsCifar, 20, 14, 100), Is.EqualTo(877_680));
        Assert.That(Hand(PublishedGenotypes.Pdarts, 16, 8, 10, 1), Is.EqualTo(291_162));
    }

    [Test]
    public void AuxiliaryHead_IsLeftOutOfTheCount_ButIsThere()
    {
        var genotype = DartsGenotype.Parse(PublishedGenotypes.DartsV2);
        using var with = new NetworkCIFAR(genotype, 8, 8, 10, auxiliary: true);
        using var without = new NetworkCIFAR(genotype, 8, 8, 10, auxiliary: false);
        var all = with.parameters().Sum(p => p.numel());
        // Cell 2·8//3 = 5 is after the second reduction: 4 nodes × 4C = 128 channels reach the head.
        Assert.That(all - with.ParameterCount(), Is.EqualTo(HandParameterCount.AuxiliaryHead(4 * 32, 10)));
        Assert.That(with.ParameterCount(), Is.EqualTo(without.ParameterCount()));
    }

    static long Hand(string text, int c, int layers, int classes, int input = 3) =>
        HandParameterCount.Of(DartsGenotype.Parse(text), c, layers, classes, input);
}
