using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Tests.Reporting.Statistics;

/// <summary>
/// Reference values from an independent brute force in Python (numpy 1.24: every combination over seeds of
/// <c>itertools.permutations</c> of that seed's trainer labels, the interaction sum of squares of the block-centred
/// profiles), run once.
/// </summary>
public sealed class InteractionTestTests
{
    static readonly double[][] Profiles =
    [
        [80, 82, 78], [81, 83, 79], [79, 82, 77], // a: s2 best
        [70, 66, 72], [71, 67, 73], [69, 66, 71], // b: s3 best
        [60, 60, 60.5], [61, 60.5, 61], [59, 60, 59.5],
    ];

    /// <summary>Rows 3t + s are trainer t's supernet of seed s.</summary>
    static InteractionTest Run(int[] rows) => InteractionTest.Run(["s1", "s2", "s3"],
        rows.Select(r => new InteractionTest.Block("abc"[r / 3].ToString(), r % 3, Profiles[r])).ToList())!;

    [Test]
    public void Run_ThreeSeeds_BestSelectorDependsOnTrainer_ExactPMatchesBruteForce()
    {
        var test = Run([0, 1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.That(test.Statistic, Is.EqualTo(76.7037037037037).Within(1e-9));
        Assert.That((test.Assignments, test.Exact), Is.EqualTo((216L, true)), "3! orders in each of 3 seeds");
        Assert.That(test.P, Is.EqualTo(6.0 / 216).Within(1e-12));
        Assert.That(test.SmallestP, Is.EqualTo(6.0 / 216).Within(1e-12));
    }

    [Test]
    public void Run_TwoSeeds_SmallestPossiblePIsOneSixth()
    {
        var test = Run([0, 1, 3, 4, 6, 7]);
        Assert.That(test.Statistic, Is.EqualTo(51.05555555555556).Within(1e-9));
        Assert.That((test.Assignments, test.P, test.SmallestP),
            Is.EqualTo((36L, 1.0 / 6, 1.0 / 6)).Within(1e-12));
    }

    [Test]
    public void Run_AdditiveResults_NoInteraction()
    {
        double[][] additive = [[80, 82, 78], [70, 72, 68], [75, 77, 73], [60, 62, 58], [90, 92, 88], [85, 87, 83]];
        var test = InteractionTest.Run(["s1", "s2", "s3"],
            additive.Select((p, i) => new InteractionTest.Block("abc"[i / 2].ToString(), i % 2, p)).ToList())!;
        Assert.That((test.Statistic, test.P), Is.EqualTo((0.0, 1.0)).Within(1e-9));
    }

    [Test]
    public void Run_OneTrainer_NothingToTest() =>
        Assert.That(InteractionTest.Run(["s1", "s2"], [new("a", 0, [1.0, 2.0]), new("a", 1, [1.5, 2.5])]), Is.Null);

    [Test]
    public void Run_ManySeeds_SampledWithinSeeds()
    {
        // 3 trainers × 9 seeds: 6^9 ≈ 10^7 assignments, more than ExactLimit, so 20,000 seeded draws.
        var blocks = Enumerable.Range(0, 27).Select(i => new InteractionTest.Block("abc"[i % 3].ToString(), i / 3,
            Profiles[(i % 3) * 3 + (i / 3) % 3])).ToList();
        var test = InteractionTest.Run(["s1", "s2", "s3"], blocks)!;
        Assert.That((test.Exact, test.Assignments), Is.EqualTo((false, 20_000L)));
        Assert.That(test.P, Is.LessThan(0.001), "a strong interaction on every seed");
    }
}
