using NasPipeline.Data;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Data;

/// <summary>DARTS's Cutout (cnn/utils.py): one clipped square of zeros per image, centred at a drawn pixel.</summary>
public sealed class CutoutTests
{
    /// <summary>Per image, the (row, column) of every zero pixel of channel 0, checking all channels agree.</summary>
    static List<(int Row, int Column)> Zeros(Tensor batch, int image)
    {
        using var scope = NewDisposeScope();
        var planes = batch[image];
        Assert.That(planes.eq(planes[0].unsqueeze(0)).all().item<bool>(), Is.True, "every channel is cut alike");
        var plane = planes[0].contiguous().data<float>().ToArray();
        var width = (int)batch.shape[3];
        return plane.Select((v, i) => (v, i)).Where(p => p.v == 0).Select(p => (p.i / width, p.i % width)).ToList();
    }

    static List<(int, int)> Square(int top, int bottom, int left, int right) =>
        (from r in Enumerable.Range(top, bottom - top) from c in Enumerable.Range(left, right - left) select (r, c))
        .ToList();

    [Test]
    public void Apply_CentredInside_ZeroesOneLengthByLengthSquare()
    {
        using var images = ones(1, 2, 10, 10);
        using var cut = new Cutout(4).Apply(images, new CutoutDraws([5], [6]));
        // Rows [5 − 2, 5 + 2), columns [6 − 2, 6 + 2): 16 pixels, the rest untouched.
        Assert.That(Zeros(cut, 0), Is.EqualTo(Square(3, 7, 4, 8)));
        Assert.That(cut.sum().item<float>(), Is.EqualTo(2 * (100 - 16)));
        Assert.That(images.sum().item<float>(), Is.EqualTo(200), "the input batch is left as it was");
    }

    [TestCase(0, 9, 0, 2, 7, 10)] // a corner: rows [−2, 2) → [0, 2), columns [7, 11) → [7, 10)
    [TestCase(9, 0, 7, 10, 0, 2)]
    [TestCase(1, 5, 0, 3, 3, 7)] // the top border only
    public void Apply_NearTheBorder_ClipsTheSquare(int row, int column, int top, int bottom, int left, int right)
    {
        using var images = ones(1, 1, 10, 10);
        using var cut = new Cutout(4).Apply(images, new CutoutDraws([row], [column]));
        Assert.That(Zeros(cut, 0), Is.EqualTo(Square(top, bottom, left, right)));
    }

    [Test]
    public void Apply_OddLength_CutsTwiceItsHalf_AsTheReference()
    {
        // length // 2 = 2 on each side of the centre, the end exclusive: 4 × 4, as utils.Cutout does for 5.
        using var cut = new Cutout(5).Apply(ones(1, 1, 10, 10), new CutoutDraws([5], [5]));
        Assert.That(Zeros(cut, 0), Is.EqualTo(Square(3, 7, 3, 7)));
    }

    [Test]
    public void Apply_EachImageGetsItsOwnSquare()
    {
        using var cut = new Cutout(2).Apply(ones(2, 3, 6, 6), new CutoutDraws([1, 4], [1, 2]));
        Assert.That(Zeros(cut, 0), Is.EqualTo(Square(0, 2, 0, 2)));
        Assert.That(Zeros(cut, 1), Is.EqualTo(Square(3, 5, 1, 3)));
    }

    [Test]
    public void Draw_IsUniformOverPixels_AndRepeatsForASeed()
    {
        var draws = Cutout.Draw(4000, 5, 7, new Random(3));
        Assert.That(draws.Rows, Is.All.InRange(0, 4));
        Assert.That(draws.Columns, Is.All.InRange(0, 6));
        Assert.That(draws.Rows.Distinct().Count() * draws.Columns.Distinct().Count(), Is.EqualTo(35));
        var again = Cutout.Draw(4000, 5, 7, new Random(3));
        Assert.That((again.Rows, again.Columns), Is.EqualTo((draws.Rows, draws.Columns)));
        Assert.That(Cutout.Draw(4000, 5, 7, new Random(4)).Rows, Is.Not.EqualTo(draws.Rows));
    }

    [Test]
    public void Apply_FromAGenerator_SameSeedSameSquares()
    {
        using var scope = NewDisposeScope();
        var images = ones(8, 1, 12, 12);
        var normalization = new Normalization([0f], [1f]);
        var cutout = new Cutout(6);
        var first = cutout.Apply(images, normalization, new Random(9));
        Assert.That(cutout.Apply(images, normalization, new Random(9)).equal(first).all().item<bool>(), Is.True);
        Assert.That(cutout.Apply(images, normalization, new Random(10)).equal(first).all().item<bool>(), Is.False);
        for (var i = 0; i < 8; i++)
            Assert.That(Zeros(first, i), Has.Count.InRange(9, 36), "one square, clipped or not");
    }
}
