using NasPipeline.ProxyStudy;

namespace NasPipeline.Tests.ProxyStudy;

public sealed class RankCorrelationTests
{
    [Test]
    public void KendallTauB_WithTies_MatchesTheTextbookValue()
    {
        // scipy.stats.kendalltau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) = -0.47140452079103173 (τ-b).
        Assert.That(RankCorrelation.KendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]),
            Is.EqualTo(-0.47140452079103173).Within(1e-12));
    }

    [Test]
    public void MonotoneAndReversed_AreOneAndMinusOne()
    {
        double[] x = [1, 5, 2, 8, 3];
        var up = RankCorrelation.Of(x, x.Select(v => Math.Exp(v)).ToList());
        var down = RankCorrelation.Of(x, x.Select(v => -v * v * v).ToList());
        Assert.That((up.Spearman, up.Kendall), Is.EqualTo((1.0, 1.0)).Within(1e-12));
        Assert.That((down.Spearman, down.Kendall), Is.EqualTo((-1.0, -1.0)).Within(1e-12));
    }

    [Test]
    public void NonFinitePairs_AreLeftOut()
    {
        var r = RankCorrelation.Of([1, double.NaN, 2, 3, double.PositiveInfinity], [10, 0, 20, 30, 0]);
        Assert.That((r.Count, r.Spearman, r.Kendall), Is.EqualTo((3, 1.0, 1.0)));
    }

    [Test]
    public void ConstantScores_HaveNoCorrelation()
    {
        var r = RankCorrelation.Of([2, 2, 2, 2], [1, 2, 3, 4]);
        Assert.That(r.Kendall, Is.NaN);
        Assert.That(r.Spearman, Is.NaN);
    }
}
