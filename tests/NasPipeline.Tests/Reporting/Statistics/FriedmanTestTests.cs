using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Tests.Reporting.Statistics;

/// <summary>
/// Reference values from SciPy 1.10.1: <c>stats.friedmanchisquare(*columns)</c> (tie-corrected) and the mean of
/// <c>stats.rankdata(-row)</c>; q from <c>stats.studentized_range.ppf(0.95, k, np.inf) / sqrt(2)</c>, which
/// agrees with Demšar's (2006) table to its three decimals.
/// </summary>
public sealed class FriedmanTestTests
{
    static readonly IReadOnlyList<IReadOnlyList<double>> Blocks =
    [
        [80.0, 82.0, 79.0, 81.0], [75.0, 77.0, 77.0, 70.0], [90.0, 91.0, 88.0, 89.0], [60.0, 66.0, 61.0, 62.0],
        [71.0, 73.0, 72.0, 70.0],
    ];

    [Test]
    public void Run_WithATie_MatchesScipy()
    {
        var test = FriedmanTest.Run(["a", "b", "c", "d"], Blocks)!;
        Assert.That(test.AverageRanks, Is.EqualTo(new[] { 3.0, 1.1, 2.9, 3.0 }).Within(1e-12));
        Assert.That(test.ChiSquare, Is.EqualTo(8.020408163265305).Within(1e-9));
        Assert.That(test.P, Is.EqualTo(0.04559180803843359).Within(1e-9));
    }

    [Test]
    public void Run_CriticalDifference_IsNemenyi()
    {
        var test = FriedmanTest.Run(["a", "b", "c", "d"], Blocks)!;
        Assert.That(test.CriticalDifference, Is.EqualTo(2.569031772546482 * Math.Sqrt(4 * 5 / (6.0 * 5))).Within(1e-6));
        // b (1.1) is more than one CD (2.098) from a and d (3.0)? No: 1.9 < 2.098, so one clique holds all four.
        Assert.That(test.Cliques(), Has.Count.EqualTo(1));
        Assert.That(test.Cliques()[0], Is.EqualTo(new[] { "b", "c", "a", "d" }));
    }

    [TestCase(2, 1.9599639845400534)]
    [TestCase(3, 2.343700586378409)]
    [TestCase(4, 2.569031772546482)]
    [TestCase(5, 2.7277743708703763)]
    [TestCase(6, 2.8497054196100016)]
    [TestCase(8, 3.030878449614413)]
    [TestCase(10, 3.163683577053373)]
    public void NemenyiQ_MatchesScipyStudentizedRange(int k, double expected) =>
        Assert.That(Nemenyi.Q(k), Is.EqualTo(expected).Within(1e-6));

    [Test]
    public void RangeCdf_MatchesScipy() =>
        Assert.That(Nemenyi.RangeCdf(3.0, 4), Is.EqualTo(0.8537285189523403).Within(1e-8));

    [Test]
    public void Cliques_FarApartSelectors_SplitIntoGroups()
    {
        var test = new FriedmanTest(["a", "b", "c"], [1.0, 1.5, 3.0], 10, 0, 0, CriticalDifference: 1.0);
        Assert.That(test.Cliques(), Is.EqualTo(new[] { new[] { "a", "b" } }));
    }
}
