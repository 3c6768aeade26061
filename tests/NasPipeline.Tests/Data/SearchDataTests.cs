using NasPipeline.Data;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Data;

public sealed class SearchDataTests
{
    static readonly SyntheticOptions Tiny = new(8, 2, 3, 100, 30, 0.3);

    static DatasetSection Section(int weight = 0, int alpha = 0, int test = 0) =>
        new("synthetic", null, weight, alpha, test, 5, Tiny, "none");

    [Test]
    public void Split_DefaultsToHalves_Disjoint()
    {
        var (train, test) = SyntheticData.Generate(Tiny, 5);
        // Tag each image by its index in its first pixel so we can see where it went.
        for (var i = 0; i < train.Count; i++) train.Pixels[i * train.ImageSize] = (byte)i;
        var data = SearchData.Split(train, test, Section());
        Assert.That((data.WeightHalf.Count, data.AlphaHalf.Count), Is.EqualTo((50, 50)));
        var tags = (ImageSet s) => Enumerable.Range(0, s.Count).Select(i => s.Pixels[i * s.ImageSize]).ToHashSet();
        Assert.That(tags(data.WeightHalf).Overlaps(tags(data.AlphaHalf)), Is.False);
    }

    [Test]
    public void Split_Subsets_AndTooLarge_IsAnError()
    {
        var (train, test) = SyntheticData.Generate(Tiny, 5);
        var data = SearchData.Split(train, test, Section(20, 10, 7));
        Assert.That((data.WeightHalf.Count, data.AlphaHalf.Count, data.Test.Count), Is.EqualTo((20, 10, 7)));
        Assert.Throws<DataException>(() => SearchData.Split(train, test, Section(80, 30)));
    }

    [Test]
    public void Synthetic_IsDeterministic_AndNormalisationIsPerChannel()
    {
        var a = SyntheticData.Generate(Tiny, 9).Train;
        var b = SyntheticData.Generate(Tiny, 9).Train;
        Assert.That(a.Pixels, Is.EqualTo(b.Pixels));
        var n = Normalization.Of(a);
        Assert.That(n.Mean, Has.Length.EqualTo(2));
        Assert.That(n.Std.All(s => s > 0), Is.True);
    }
}
