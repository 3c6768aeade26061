using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace NasPipeline.Reporting.Statistics;

/// <summary>
/// The Nemenyi critical difference of average ranks (Demšar 2006): CD = q_α √(k(k+1)/(6N)), q_α the studentized
/// range quantile for k groups and infinite degrees of freedom divided by √2. MathNet has no studentized range, so
/// its distribution is integrated here: P(range of k standard normals ≤ q) = k ∫ φ(z) [Φ(z) − Φ(z − q)]^(k−1) dz.
/// Tested against SciPy's <c>studentized_range</c> and Demšar's table.
/// </summary>
public static class Nemenyi
{
    public static double CriticalDifference(int k, int blocks, double level = ConfidenceInterval.Level) =>
        Q(k, level) * Math.Sqrt(k * (k + 1) / (6.0 * blocks));

    /// <summary>q_α = studentized range quantile(level, k, ∞) / √2.</summary>
    public static double Q(int k, double level = ConfidenceInterval.Level) =>
        Brent.FindRoot(q => RangeCdf(q, k) - level, 0.01, 20, 1e-10) / Math.Sqrt(2);

    public static double RangeCdf(double q, int k) =>
        k * Integrate.OnClosedInterval(
            z => Normal.PDF(0, 1, z) * Math.Pow(Normal.CDF(0, 1, z) - Normal.CDF(0, 1, z - q), k - 1), -12, 12 + q);
}
