using MathNet.Numerics.Statistics;

namespace NasPipeline.Reporting;

/// <summary>Mean and sample standard deviation (n − 1) of a pair's runs; std is 0 for a single run.</summary>
public sealed record Summary(int Count, double Mean, double StandardDeviation, double Minimum, double Maximum)
{
    public static Summary Of(IReadOnlyCollection<double> values) => new(
        values.Count, values.Mean(), values.Count > 1 ? values.StandardDeviation() : 0, values.Minimum(), values.Maximum());
}
