using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Tests.Reporting.Statistics;

/// <summary>
/// Reference values from SciPy 1.10.1 (Debian's python3-scipy), computed once:
/// <c>stats.t.interval(0.95, n - 1, loc=mean, scale=std(ddof=1)/sqrt(n))</c>.
/// </summary>
public sealed class SummaryTests
{
    [Test]
    public void Of_ThreeSeeds_MeanSampleStdAndStudentTInterval()
    {
        var s = Summary.Of([80.1, 82.4, 79.3]);
        Assert.That((s.Count, s.Mean, s.StandardDeviation), Is.EqualTo((3, 80.6, 1.6093476939431133)).Within(1e-9));
        Assert.That(s.CiLow, Is.EqualTo(76.60215870200715).Within(1e-9));
        Assert.That(s.CiHigh, Is.EqualTo(84.59784129799287).Within(1e-9));
    }

    [Test]
    public void Of_TwoSeeds_UsesTheWideT1Multiplier()
    {
        var s = Summary.Of([61.0, 63.5]);
        Assert.That((s.CiLow, s.CiHigh), Is.EqualTo((46.36724407945988, 78.13275592054012)).Within(1e-9));
    }

    [Test]
    public void Of_OneRun_HasNoInterval()
    {
        var s = Summary.Of([70.0]);
        Assert.That((s.StandardDeviation, double.IsNaN(s.CiLow), double.IsNaN(s.CiHalfWidth)),
            Is.EqualTo((0.0, true, true)));
    }
}
