using NasPipeline.SearchSpaces.Darts;

namespace NasPipeline.Tests.SearchSpaces.Darts;

public sealed class DartsGenotypeTests
{
    [Test]
    public void Parse_ThenToString_RoundTripsDartsOwnText() =>
        Assert.That(DartsGenotype.Parse(PublishedGenotypes.DartsV2).ToString(), Is.EqualTo(PublishedGenotypes.DartsV2));

    [Test]
    public void Parse_ReadsGenesAndConcatInOrder()
    {
        var g = DartsGenotype.Parse(PublishedGenotypes.DartsV2);
        Assert.That(g.Normal[0], Is.EqualTo(("sep_conv_3x3", 0)));
        Assert.That(g.Normal[7], Is.EqualTo(("dil_conv_3x3", 2)));
        Assert.That(g.Reduce.Select(x => x.Input), Is.EqualTo(new[] { 0, 1, 2, 1, 0, 2, 2, 1 }));
        Assert.That(g.NormalConcat, Is.EqualTo(new[] { 2, 3, 4, 5 }));
    }

    [Test]
    public void Parse_RangeConcat_EqualsTheListForm()
    {
        var range = DartsGenotype.Parse(PublishedGenotypes.PcDartsCifar);
        var list = DartsGenotype.Parse(range.ToString());
        Assert.That(list, Is.EqualTo(range));
        Assert.That(range.ReduceConcat, Is.EqualTo(new[] { 2, 3, 4, 5 }));
        Assert.That(range.ToString(), Does.Contain("reduce_concat=[2, 3, 4, 5])"));
    }

    [Test]
    public void Parse_PastedMultiLineAssignment_WithCommentsListsAndDoubleQuotes()
    {
        const string pasted = """
            PC_DARTS_cifar = Genotype(
                normal=[["sep_conv_3x3", 1], ('skip_connect', 0), ('sep_conv_3x3', 0), ('dil_conv_3x3', 1),
                        ('sep_conv_5x5', 0), ('sep_conv_3x3', 1), ('avg_pool_3x3', 0), ('dil_conv_3x3', 1),],  # normal
                normal_concat=range(2, 6),
                reduce=[('sep_conv_5x5', 1), ('max_pool_3x3', 0), ('sep_conv_5x5', 1), ('sep_conv_5x5', 2),
                        ('sep_conv_3x3', 0), ('sep_conv_3x3', 3), ('sep_conv_3x3', 1), ('sep_conv_3x3', 2)],
                reduce_concat=(2, 3, 4, 5),
            )
            """;
        Assert.That(DartsGenotype.Parse(pasted), Is.EqualTo(DartsGenotype.Parse(PublishedGenotypes.PcDartsCifar)));
    }

    [Test]
    public void Parse_PositionalAndReorderedKeywordFields_AreTheNamedtuplesFields()
    {
        var g = DartsGenotype.Parse(PublishedGenotypes.DartsV1);
        var genes = (string x) => "[" + string.Join(", ", (x == "n" ? g.Normal : g.Reduce)
            .Select(p => $"('{p.Operation}', {p.Input})")) + "]";
        var positional = $"Genotype({genes("n")}, range(2, 6), {genes("r")}, [2, 3, 4, 5])";
        var reordered = $"Genotype(reduce_concat=range(2, 6), reduce={genes("r")}, normal_concat=[2, 3, 4, 5], "
            + $"normal={genes("n")})";
        Assert.That(DartsGenotype.Parse(positional), Is.EqualTo(g));
        Assert.That(DartsGenotype.Parse(reordered), Is.EqualTo(g));
        Assert.That(DartsGenotype.Parse($"Genotype({genes("n")}, range(2, 6), reduce={genes("r")}, reduce_concat="
            + "range(2, 6))"), Is.EqualTo(g));
    }

    [TestCase("Genotype(normal=[('sep_conv_7x7', 1)], normal_concat=[2], reduce=[], reduce_concat=[2])",
        "line 1, column 19: unknown operation")]
    [TestCase("Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 2)],",
        "line 1, column 56: node 0 can take inputs 0..1")]
    [TestCase("Genotype(\n  normal=[('sep_conv_3x3', 0) ('skip_connect', 1)]",
        "line 2, column 31: expected ',' or ']', found \"(\"")]
    [TestCase("Genotype(normal=[('sep_conv_3x3, 0)])", "line 1, column 19: unterminated string")]
    [TestCase("Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1)], normal_concat=[2])",
        "missing field reduce")]
    [TestCase("Genotype(normal=[], normal_concat=[2], reduce=[], reduce_concat=[2], colour=[])",
        "line 1, column 70: unknown field \"colour\"")]
    [TestCase("Genotype(normal=[], normal=[]", "field normal given twice")]
    [TestCase("Genotype(normal=[('sep_conv_3x3', 0)]", "expected ',' or ')', found the end of the text")]
    [TestCase("Network(normal=[])", "line 1, column 1: expected Genotype(...)")]
    [TestCase("Genotype(normal=[], normal_concat=[2], reduce=[], reduce_concat=[2]) + 1", "column 70: unexpected")]
    [TestCase("Genotype(normal=[], normal_concat=[2], reduce=[], reduce_concat=[2])", "needs two (operation, input)")]
    [TestCase("Genotype([('skip_connect', 0), ('none', 1)], [2, 3], [('none', 0), ('none', 1)], [2])",
        "normal_concat: node 3 is not in the cell")]
    public void Parse_Malformed_SaysWhereAndWhy(string text, string why)
    {
        var e = Assert.Throws<FormatException>(() => DartsGenotype.Parse(text))!;
        Assert.That(e.Message, Does.Contain("DARTS genotype").And.Contain(why));
    }

    [Test]
    public void TryParse_Malformed_IsFalse() =>
        Assert.That(DartsGenotype.TryParse("Genotype(", out var g) || g is not null, Is.False);
}
