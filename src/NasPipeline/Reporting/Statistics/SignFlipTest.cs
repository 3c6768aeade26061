namespace NasPipeline.Reporting.Statistics;

/// <summary>
/// The exact paired permutation test (sign flip) of a mean difference: under H0 each seed's difference is as
/// likely to have either sign, so the two-sided p is the share of the 2ⁿ sign patterns whose |mean| is at least the
/// observed one. No normality assumption, which matters with 2–5 seeds. Above <see cref="ExactLimit"/> seeds the
/// patterns are sampled (seeded) instead of enumerated.
/// </summary>
public static class SignFlipTest
{
    public const int ExactLimit = 20;
    const int Draws = 100_000;

    public static double PValue(IReadOnlyList<double> differences)
    {
        var n = differences.Count;
        if (n == 0) return double.NaN;
        var observed = Math.Abs(differences.Sum());
        // Sums of the same numbers in another order differ in the last bits; a relative tolerance counts them equal.
        var tolerance = 1e-9 * Math.Max(1, differences.Sum(Math.Abs));
        if (n <= ExactLimit)
        {
            long hits = 0, patterns = 1L << n;
            for (long signs = 0; signs < patterns; signs++)
                if (Math.Abs(Signed(differences, i => (signs >> i & 1) == 1)) >= observed - tolerance) hits++;
            return (double)hits / patterns;
        }
        var random = new Random(0);
        var sampled = 0;
        for (var draw = 0; draw < Draws; draw++)
            if (Math.Abs(Signed(differences, _ => random.Next(2) == 1)) >= observed - tolerance) sampled++;
        return (1.0 + sampled) / (1.0 + Draws);
    }

    /// <summary>
    /// The smallest two-sided p the test can give with n pairs, 2/2ⁿ (both all-positive and all-negative patterns
    /// reach the observed |mean|): 0.5 with 2 seeds, 0.25 with 3, 0.0625 with 5 — below 0.05 only from 6 seeds on.
    /// </summary>
    public static double SmallestP(int n) => n == 0 ? 1 : Math.Min(1, 2.0 / Math.Pow(2, n));

    static double Signed(IReadOnlyList<double> d, Func<int, bool> flip)
    {
        var sum = 0.0;
        for (var i = 0; i < d.Count; i++) sum += flip(i) ? -d[i] : d[i];
        return sum;
    }
}
