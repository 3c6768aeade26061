using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;

namespace NasPipeline.Tests.SearchSpaces.Nb201;

public class Nb201SearchSpaceTests
{
    const string Arch =
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

    static ISearchSpace Space => SearchSpaceCatalog.Get("nb201");

    [Test]
    public void Catalog_UnknownName_ListsTheKnownOnes() =>
        Assert.That(() => SearchSpaceCatalog.Get("nb301"),
            Throws.ArgumentException.With.Message.Contains("unknown search space \"nb301\"; known: nb201"));

    [Test]
    public void CellTypes_OneCellOfSixEdgesAndFiveOps()
    {
        Assert.That(Space.CellTypes.Select(c => c.Name), Is.EqualTo(new[] { "cell" }));
        Assert.That(Space.CellTypes[0].EdgeCount, Is.EqualTo(6));
        Assert.That(Space.CellTypes[0].OperationCount, Is.EqualTo(5));
        Assert.That(Space.CellTypes[0].EdgeName(2), Is.EqualTo("2 (2←1)"));
    }

    // Stage keys and results.csv hold this string: the seam must give exactly the benchmark's arch string.
    [Test]
    public void ParseAndFormat_KeepTheBenchmarksArchString()
    {
        var genotype = Space.Parse(Arch);
        Assert.That(Space.Format(genotype), Is.EqualTo(Arch));
        Assert.That(Space.FromChoices(genotype.Choices).ToString(), Is.EqualTo(Arch));
        Assert.That(genotype.Choices[0], Is.EqualTo(new[] { 3, 3, 4, 1, 3, 1 }));
    }

    [Test]
    public void FromChoices_DroppedEdge_IsRejected() =>
        Assert.That(() => Space.FromChoices([[3, -1, 4, 1, 3, 1]]), Throws.InstanceOf<FormatException>());

    [Test]
    public void Derive_ArgmaxPerEdge_FirstAmongEqualAndNoneExcludedOnRequest()
    {
        double[][] weights =
        [
            [0.5, 0.1, 0.1, 0.2, 0.1], [0.2, 0.2, 0.2, 0.2, 0.2], [0, 0, 0, 0, 1],
            [0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0],
        ];
        Assert.That(Space.Derive([weights], excludeNone: false).Choices[0], Is.EqualTo(new[] { 0, 0, 4, 1, 2, 3 }));
        Assert.That(Space.Derive([weights], excludeNone: true).Choices[0], Is.EqualTo(new[] { 3, 1, 4, 1, 2, 3 }));
    }

    [Test]
    public void Split_StackedRows_OneBlockPerCellType()
    {
        var rows = Enumerable.Range(0, 6).Select(i => new double[] { i, 0, 0, 0, 0 }).ToArray();
        Assert.That(Space.Split(rows).Single(), Is.EqualTo(rows));
        Assert.That(() => Space.Split(rows[..5]), Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void SampleArchitecture_OneActiveOpPerEdge_OneHotWeights()
    {
        using var supernet = Space.CreateSupernet(new NetworkShape(4, 1, 1, 3));
        var mixing = supernet.SampleArchitecture();
        var cell = mixing.Cells.Single();
        Assert.That(cell.Active, Has.Length.EqualTo(6));
        Assert.That(cell.Weights.argmax(1).data<long>().Select(i => (int)i), Is.EqualTo(cell.Active));
        Assert.That(supernet.Alphas.Single().shape, Is.EqualTo(new long[] { 6, 5 }));
    }
}
