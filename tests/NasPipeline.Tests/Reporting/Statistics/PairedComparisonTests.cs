using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Tests.Reporting.Statistics;

/// <summary>
/// The difference interval is SciPy 1.10.1's <c>stats.t.interval</c> over the seed differences; p as in
/// <see cref="SignFlipTestTests"/>.
/// </summary>
public sealed class PairedComparisonTests
{
    static IReadOnlyDictionary<int, double> BySeed(params double[] v) =>
        v.Select((x, i) => (i, x)).ToDictionary(p => p.i, p => p.x);

    [Test]
    public void ForTrainer_PairsBySeed_DifferenceIntervalAndHolm()
    {
        var comparisons = PairedComparison.ForTrainer("darts", "magnitude",
            new Dictionary<string, IReadOnlyDictionary<int, double>>
            {
                ["magnitude"] = BySeed(80.0, 80.2, 80.6, 79.6, 80.9),
                ["pt"] = BySeed(81.2, 79.9, 83.1, 80.4, 82.0),
                ["random"] = BySeed(70.0, 71.0, 69.0, 72.0, 70.5),
            });
        var pt = comparisons.Single(c => c.Selector == "pt");
        Assert.That(pt.MeanDifference, Is.EqualTo(1.06).Within(1e-9));
        Assert.That((pt.CiLow, pt.CiHigh), Is.EqualTo((-0.18352509942045736, 2.3035250994204617)).Within(1e-9));
        Assert.That((pt.Pairs, pt.P, pt.SmallestP), Is.EqualTo((5, 0.125, 0.0625)));
        var random = comparisons.Single(c => c.Selector == "random");
        Assert.That(random.P, Is.EqualTo(0.0625), "all five differences negative: the smallest p five seeds allow");
        Assert.That((random.HolmP, pt.HolmP), Is.EqualTo((0.125, 0.125)), "2·0.0625, then max(0.125, 1·0.125)");
        Assert.That(comparisons.Any(c => c.Significant), Is.False);
    }

    [Test]
    public void ForTrainer_SelectorWithoutRuns_IsLeftOut()
    {
        var comparisons = PairedComparison.ForTrainer("oneshot", "magnitude",
            new Dictionary<string, IReadOnlyDictionary<int, double>>
            {
                ["random"] = BySeed(70.0, 71.0),
            });
        Assert.That(comparisons, Is.Empty, "no baseline runs (n/a pair): nothing to compare");
    }
}
