namespace NasPipeline.Reporting.Statistics;

/// <summary>
/// Does the best selector depend on the trainer? A permutation test of the trainer × selector interaction on the
/// seed-level results. Each supernet (trainer, seed) is a block holding one result per selector; centring a block
/// removes its level (trainer + seed), leaving its selector profile. The statistic is the classical two-way
/// interaction sum of squares, Σ_trainers n_t ‖mean profile of t − mean profile‖². Under "no interaction" the
/// profiles do not depend on the trainer, so trainer labels can be exchanged between blocks: p is the share of
/// label assignments (all of them when there are at most <see cref="ExactLimit"/>, else seeded draws) whose
/// statistic reaches the observed one. A residual-scaled F would order assignments identically, since the total
/// sum of squares does not change under relabelling.
/// </summary>
public sealed record InteractionTest(
    IReadOnlyList<string> Trainers, IReadOnlyList<string> Selectors, int Blocks, double Statistic, double P,
    long Assignments, bool Exact, double SmallestP)
{
    public const long ExactLimit = 1_000_000;
    const int Draws = 20_000;

    /// <summary>One supernet's results: its trainer and one value per selector (in a fixed selector order).</summary>
    public sealed record Block(string Trainer, IReadOnlyList<double> Values);

    /// <summary>Null when the design cannot test anything (fewer than two trainers or selectors, or one block each).</summary>
    public static InteractionTest? Run(IReadOnlyList<string> selectors, IReadOnlyList<Block> blocks)
    {
        var trainers = blocks.Select(b => b.Trainer).Distinct().ToList();
        if (trainers.Count < 2 || selectors.Count < 2 || blocks.Count <= trainers.Count) return null;
        var profiles = blocks.Select(b => Centre(b.Values)).ToArray();
        var labels = blocks.Select(b => trainers.IndexOf(b.Trainer)).ToArray();
        var observed = SumOfSquares(profiles, labels, trainers.Count);
        var tolerance = 1e-9 * Math.Max(1, observed);
        var sizes = trainers.Select((_, t) => labels.Count(l => l == t)).ToArray();
        var total = Multinomial(sizes);
        long hits = 0, tried = 0;
        if (total <= ExactLimit)
        {
            foreach (var assignment in Arrangements(labels.Order().ToArray()))
            {
                tried++;
                if (SumOfSquares(profiles, assignment, trainers.Count) >= observed - tolerance) hits++;
            }
        }
        else
        {
            var random = new Random(0);
            var shuffled = (int[])labels.Clone();
            for (; tried < Draws; tried++)
            {
                random.Shuffle(shuffled);
                if (SumOfSquares(profiles, shuffled, trainers.Count) >= observed - tolerance) hits++;
            }
        }
        var exact = total <= ExactLimit;
        // Swapping whole trainer groups of equal size gives the observed statistic again: that many assignments
        // always count as hits, which bounds p from below whatever the data.
        var smallest = sizes.GroupBy(s => s).Aggregate(1.0, (a, g) => a * Factorial(g.Count())) / total;
        return new InteractionTest(trainers, selectors, blocks.Count, observed,
            exact ? (double)hits / tried : (1.0 + hits) / (1.0 + tried), exact ? total : tried, exact, smallest);
    }

    static double[] Centre(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return values.Select(v => v - mean).ToArray();
    }

    static double SumOfSquares(double[][] profiles, int[] labels, int groups)
    {
        var width = profiles[0].Length;
        var grand = new double[width];
        var sums = new double[groups, width];
        var counts = new int[groups];
        for (var b = 0; b < profiles.Length; b++)
        {
            counts[labels[b]]++;
            for (var s = 0; s < width; s++)
            {
                sums[labels[b], s] += profiles[b][s];
                grand[s] += profiles[b][s] / profiles.Length;
            }
        }
        var statistic = 0.0;
        for (var g = 0; g < groups; g++)
            for (var s = 0; s < width; s++)
            {
                var deviation = sums[g, s] / counts[g] - grand[s];
                statistic += counts[g] * deviation * deviation;
            }
        return statistic;
    }

    /// <summary>Every distinct arrangement of a multiset of labels, in lexicographic order (next permutation).</summary>
    static IEnumerable<int[]> Arrangements(int[] sorted)
    {
        var a = (int[])sorted.Clone();
        while (true)
        {
            yield return a;
            var i = a.Length - 2;
            while (i >= 0 && a[i] >= a[i + 1]) i--;
            if (i < 0) yield break;
            var j = a.Length - 1;
            while (a[j] <= a[i]) j--;
            (a[i], a[j]) = (a[j], a[i]);
            Array.Reverse(a, i + 1, a.Length - i - 1);
        }
    }

    static long Multinomial(IReadOnlyList<int> sizes)
    {
        // Built up as a product of binomials, each exact in double far beyond ExactLimit; capped to avoid overflow.
        double result = 1;
        var n = 0;
        foreach (var size in sizes)
            for (var k = 1; k <= size; k++)
            {
                n++;
                result = result * n / k;
            }
        return result > long.MaxValue / 2 ? long.MaxValue / 2 : (long)Math.Round(result);
    }

    static double Factorial(int n) => Enumerable.Range(1, n).Aggregate(1.0, (a, k) => a * k);
}
