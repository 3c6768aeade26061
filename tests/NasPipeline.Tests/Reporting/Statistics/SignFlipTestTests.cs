using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Tests.Reporting.Statistics;

/// <summary>
/// Reference p-values from SciPy 1.10.1: <c>stats.permutation_test((x, y), mean(x − y), permutation_type='samples',
/// n_resamples=np.inf, alternative='two-sided')</c>, the exact paired (sign-flip) test.
/// </summary>
public sealed class SignFlipTestTests
{
    [Test]
    public void PValue_FivePairs_MatchesScipyExactTest()
    {
        double[] x = [81.2, 79.9, 83.1, 80.4, 82.0], y = [80.0, 80.2, 80.6, 79.6, 80.9];
        Assert.That(SignFlipTest.PValue(x.Zip(y, (a, b) => a - b).ToList()), Is.EqualTo(0.125).Within(1e-12));
    }

    [Test]
    public void PValue_TwoPairs_CannotGoBelowOneHalf()
    {
        Assert.That(SignFlipTest.PValue([70.0 - 69.0, 72.0 - 70.5]), Is.EqualTo(0.5));
        Assert.That(SignFlipTest.SmallestP(2), Is.EqualTo(0.5));
    }

    [TestCase(3, 0.25)]
    [TestCase(5, 0.0625)]
    [TestCase(6, 0.03125)]
    public void SmallestP_IsTwoOverTwoToTheN(int n, double expected) =>
        Assert.That(SignFlipTest.SmallestP(n), Is.EqualTo(expected));

    [Test]
    public void PValue_AllDifferencesZero_IsOne() =>
        Assert.That(SignFlipTest.PValue([0.0, 0.0, 0.0]), Is.EqualTo(1.0));

    [Test]
    public void PValue_ManyPairs_SampledAndStillSmallForAClearShift()
    {
        var d = Enumerable.Range(0, 24).Select(i => 1.0 + 0.1 * (i % 5)).ToList();
        Assert.That(SignFlipTest.PValue(d), Is.LessThan(1e-4));
    }
}
