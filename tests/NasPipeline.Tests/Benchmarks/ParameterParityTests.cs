using NasPipeline.Benchmarks;

namespace NasPipeline.Tests.Benchmarks;

public sealed class ParameterParityTests
{
    [Test]
    public void Check_SampleOfTheBenchmark_MostlyMatchesExactly()
    {
        var table = SharedTable.Require();
        var result = ParameterParity.Check(table.Sample(60, seed: 1));
        Assert.That(result.Checked, Is.EqualTo(60));
        // The table's README: ~1.5% of the benchmark's counts differ from a straightforward count.
        Assert.That(result.Share, Is.GreaterThanOrEqualTo(0.9), string.Join("\n", result.Mismatches));
    }

    [Test]
    public void Sample_IsSeededAndInTableOrder()
    {
        var table = SharedTable.Require();
        var a = table.Sample(10, 3);
        Assert.That(a, Is.EqualTo(table.Sample(10, 3)));
        Assert.That(a.Select(e => e.Index), Is.Ordered);
    }
}
