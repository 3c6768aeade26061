using MathNet.Numerics.Statistics;

namespace NasPipeline.Reporting.Statistics;

/// <summary>
/// A pair's runs over seeds: n, mean, sample standard deviation (n − 1; 0 for one run), extremes, and the 95 %
/// Student-t confidence interval of the mean (NaN bounds for one run, where no interval exists).
/// </summary>
public sealed record Summary(
    int Count, double Mean, double StandardDeviation, double Minimum, double Maximum, double CiLow, double CiHigh)
{
    public static Summary Of(IReadOnlyCollection<double> values)
    {
        var (low, high) = ConfidenceInterval.StudentT(values);
        return new Summary(values.Count, values.Mean(), values.Count > 1 ? values.StandardDeviation() : 0,
            values.Minimum(), values.Maximum(), low, high);
    }

    /// <summary>Half the interval's width (the "± x" of "mean ± x"); NaN without an interval.</summary>
    public double CiHalfWidth => (CiHigh - CiLow) / 2;
}
