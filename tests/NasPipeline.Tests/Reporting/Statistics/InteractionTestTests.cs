using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Tests.Reporting.Statistics;

/// <summary>
/// Reference values from an independent brute force in Python (numpy 1.24, <c>itertools.permutations</c> over the
/// trainer labels, the interaction sum of squares of the block-centred profiles), run once.
/// </summary>
public sealed class InteractionTestTests
{
    static readonly double[][] Profiles =
    [
        [80, 82, 78], [81, 83, 79], [79, 82, 77], // a: s2 best
        [70, 66, 72], [71, 67, 73], [69, 66, 71], // b: s3 best
        [60, 60, 60.5], [61, 60.5, 61], [59, 60, 59.5],
    ];

    static InteractionTest Run(int[] rows, Func<int, string> trainer) => InteractionTest.Run(["s1", "s2", "s3"],
        rows.Select(r => new InteractionTest.Block(trainer(r), Profiles[r])).ToList())!;

    [Test]
    public void Run_ThreeSeeds_BestSelectorDependsOnTrainer_ExactPMatchesBruteForce()
    {
        var test = Run([0, 1, 2, 3, 4, 5, 6, 7, 8], r => "abc"[r / 3].ToString());
        Assert.That(test.Statistic, Is.EqualTo(76.7037037037037).Within(1e-9));
        Assert.That((test.Assignments, test.Exact), Is.EqualTo((1680L, true)));
        Assert.That(test.P, Is.EqualTo(6.0 / 1680).Within(1e-12));
        Assert.That(test.SmallestP, Is.EqualTo(6.0 / 1680).Within(1e-12));
    }

    [Test]
    public void Run_TwoSeeds_SmallestPossiblePIsOneFifteenth()
    {
        var test = Run([0, 1, 3, 4, 6, 7], r => "abc"[r / 3].ToString());
        Assert.That(test.Statistic, Is.EqualTo(51.05555555555556).Within(1e-9));
        Assert.That((test.Assignments, test.P, test.SmallestP),
            Is.EqualTo((90L, 1.0 / 15, 1.0 / 15)).Within(1e-12));
    }

    [Test]
    public void Run_AdditiveResults_NoInteraction()
    {
        double[][] additive = [[80, 82, 78], [70, 72, 68], [75, 77, 73], [60, 62, 58], [90, 92, 88], [85, 87, 83]];
        var test = InteractionTest.Run(["s1", "s2", "s3"],
            additive.Select((p, i) => new InteractionTest.Block("abc"[i / 2].ToString(), p)).ToList())!;
        Assert.That((test.Statistic, test.P), Is.EqualTo((0.0, 1.0)).Within(1e-9));
    }

    [Test]
    public void Run_OneTrainer_NothingToTest() =>
        Assert.That(InteractionTest.Run(["s1", "s2"], [new("a", [1.0, 2.0]), new("a", [1.5, 2.5])]), Is.Null);
}
