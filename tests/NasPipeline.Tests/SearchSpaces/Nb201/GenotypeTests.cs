using NasPipeline.SearchSpaces.Nb201;

namespace NasPipeline.Tests.SearchSpaces.Nb201;

public sealed class GenotypeTests
{
    const string Arch =
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";

    [Test]
    public void Parse_ThenToString_RoundTrips() => Assert.That(Genotype.Parse(Arch).ToString(), Is.EqualTo(Arch));

    [Test]
    public void Parse_ReadsEdgesInBenchmarkOrder()
    {
        var g = Genotype.Parse(Arch);
        Assert.That(g.Operations, Is.EqualTo(new[] { "nor_conv_3x3", "nor_conv_3x3", "nor_conv_3x3", "skip_connect",
            "nor_conv_3x3", "nor_conv_1x1" }));
        Assert.That(g.Indices, Is.EqualTo(new[] { 3, 3, 3, 1, 3, 2 }));
    }

    [Test]
    public void FromIndices_EveryArchitecture_RoundTripsThroughString()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var g = Genotype.FromIndices(Enumerable.Range(0, 6).Select(_ => random.Next(5)));
            Assert.That(Genotype.Parse(g.ToString()), Is.EqualTo(g));
        }
    }

    [TestCase("", "expected 3 node groups")]
    [TestCase("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|", "expected 3 node groups")]
    [TestCase("|nor_conv_3x3~0|+|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|",
        "node 2 must have 2 input(s)")]
    [TestCase("|conv_7x7~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|",
        "unknown operation \"conv_7x7\"")]
    [TestCase("|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|",
        "must be \"<op>~0\"")]
    [TestCase("nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|",
        "must start and end with '|'")]
    public void Parse_Malformed_SaysWhy(string arch, string why)
    {
        var e = Assert.Throws<FormatException>(() => Genotype.Parse(arch))!;
        Assert.That(e.Message, Does.Contain("malformed NB201 arch string").And.Contain(why));
    }
}
