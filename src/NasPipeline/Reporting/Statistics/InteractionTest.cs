namespace NasPipeline.Reporting.Statistics;

/// <summary>
/// Does the best selector depend on the trainer? A permutation test of the trainer × selector interaction on the
/// seed-level results. Each supernet (trainer, seed) is a block holding one result per selector; centring a block
/// removes its level (trainer + seed), leaving its selector profile. The statistic is the classical two-way
/// interaction sum of squares, Σ_trainers n_t ‖mean profile of t − mean profile‖². Under "no interaction" the
/// profiles do not depend on the trainer, so trainer labels can be exchanged between the blocks of one seed. Only
/// within a seed: blocks of one seed share more than a trainer (selectors that never read a supernet give every
/// trainer the same architecture for a seed, and a seed fixes retraining's initialisation), so exchanging across
/// seeds would test that too. p is the share of label assignments (all of them when there are at most
/// <see cref="ExactLimit"/>, else seeded draws) whose statistic reaches the observed one. A residual-scaled F would
/// order assignments identically, since the total sum of squares does not change under relabelling.
/// </summary>
public sealed record InteractionTest(
    IReadOnlyList<string> Trainers, IReadOnlyList<string> Selectors, int Blocks, double Statistic, double P,
    long Assignments, bool Exact, double SmallestP)
{
    public const long ExactLimit = 1_000_000;
    const int Draws = 20_000;

    /// <summary>
    /// One supernet's results: its trainer, seed and one value per selector (in a fixed selector order).
    /// </summary>
    public sealed record Block(string Trainer, int Seed, IReadOnlyList<double> Values);

    /// <summary>
    /// Null when the design cannot test anything (fewer than two trainers or selectors, or one seed).
    /// </summary>
    public static InteractionTest? Run(IReadOnlyList<string> selectors, IReadOnlyList<Block> blocks)
    {
        var trainers = blocks.Select(b => b.Trainer).Distinct().ToList();
        var seeds = blocks.GroupBy(b => b.Seed).Select(g => g.Select(b => blocks.ToList().IndexOf(b)).ToArray())
            .Where(g => g.Length > 1).ToList();
        if (trainers.Count < 2 || selectors.Count < 2 || seeds.Count < 2) return null;
        var profiles = blocks.Select(b => Centre(b.Values)).ToArray();
        var labels = blocks.Select(b => trainers.IndexOf(b.Trainer)).ToArray();
        var observed = SumOfSquares(profiles, labels, trainers.Count);
        var tolerance = 1e-9 * Math.Max(1, observed);
        var total = seeds.Aggregate(1.0, (product, g) => product * Arrangements(g.Select(i => labels[i])));
        var exact = total <= ExactLimit;
        long hits = 0, tried = 0;
        foreach (var assignment in exact ? Every(labels, seeds) : Sampled(labels, seeds))
        {
            tried++;
            if (SumOfSquares(profiles, assignment, trainers.Count) >= observed - tolerance) hits++;
        }
        // Renaming the trainers consistently in every seed gives the observed statistic again: when every seed has
        // each trainer once, those T! assignments always count as hits, which bounds p from below.
        var complete = seeds.All(g => g.Length == trainers.Count) && blocks.Count == seeds.Count * trainers.Count;
        var smallest = (complete ? Factorial(trainers.Count) : 1) / total;
        return new InteractionTest(trainers, selectors, blocks.Count, observed,
            exact ? (double)hits / tried : (1.0 + hits) / (1.0 + tried), exact ? (long)total : tried, exact, smallest);
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
            for (var s = 0; s < width && counts[g] > 0; s++)
            {
                var deviation = sums[g, s] / counts[g] - grand[s];
                statistic += counts[g] * deviation * deviation;
            }
        return statistic;
    }

    /// <summary>Every assignment: each seed's labels in every distinct order, combined over seeds.</summary>
    static IEnumerable<int[]> Every(int[] labels, IReadOnlyList<int[]> seeds)
    {
        var current = (int[])labels.Clone();
        IEnumerable<int[]> From(int seed)
        {
            if (seed == seeds.Count)
            {
                yield return current;
                yield break;
            }
            var members = seeds[seed];
            foreach (var order in Orders(members.Select(i => labels[i]).Order().ToArray()))
            {
                for (var k = 0; k < members.Length; k++) current[members[k]] = order[k];
                foreach (var assignment in From(seed + 1)) yield return assignment;
            }
        }
        return From(0);
    }

    static IEnumerable<int[]> Sampled(int[] labels, IReadOnlyList<int[]> seeds)
    {
        var random = new Random(0);
        var current = (int[])labels.Clone();
        for (var draw = 0; draw < Draws; draw++)
        {
            foreach (var members in seeds)
            {
                var shuffled = members.Select(i => labels[i]).ToArray();
                random.Shuffle(shuffled);
                for (var k = 0; k < members.Length; k++) current[members[k]] = shuffled[k];
            }
            yield return current;
        }
    }

    /// <summary>Every distinct order of a sorted multiset of labels (lexicographic next permutation).</summary>
    static IEnumerable<int[]> Orders(int[] sorted)
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

    /// <summary>Distinct orders of a multiset: n! / Π(count of each label)!.</summary>
    static double Arrangements(IEnumerable<int> labels)
    {
        var counts = labels.GroupBy(l => l).Select(g => g.Count()).ToList();
        return counts.Aggregate(Factorial(counts.Sum()), (a, c) => a / Factorial(c));
    }

    static double Factorial(int n) => Enumerable.Range(1, n).Aggregate(1.0, (a, k) => a * k);
}
