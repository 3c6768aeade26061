using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace NasPipeline.Reporting.Statistics;

/// <summary>Confidence intervals of a mean over seeds.</summary>
public static class ConfidenceInterval
{
    /// <summary>The report's confidence level; 95 % as the issue and most papers use.</summary>
    public const double Level = 0.95;

    /// <summary>
    /// mean ± t(1 − (1 − level)/2, n − 1) · s/√n. With seeds as the only replication, the t interval is the honest
    /// one: with 2 seeds its multiplier is 12.7, so the interval is wide and says how little two seeds can tell.
    /// NaN bounds for fewer than two values.
    /// </summary>
    public static (double Low, double High) StudentT(IReadOnlyCollection<double> values, double level = Level)
    {
        if (values.Count < 2) return (double.NaN, double.NaN);
        var mean = values.Mean();
        var half = StudentTDistribution(values.Count - 1, level) * values.StandardDeviation() / Math.Sqrt(values.Count);
        return (mean - half, mean + half);
    }

    static double StudentTDistribution(int degreesOfFreedom, double level) =>
        MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - (1 - level) / 2);
}
