using NasPipeline.Reporting.Statistics;

namespace NasPipeline.Tests.Reporting.Statistics;

/// <summary>
/// Holm by hand: sorted p = 0.01, 0.02, 0.04, 0.30 → 4·0.01, 3·0.02, max(2·0.04, 0.06), max(0.30, 0.08).
/// </summary>
public sealed class HolmTests
{
    [Test]
    public void Adjust_StepDownAndMonotone_InInputOrder() =>
        Assert.That(Holm.Adjust([0.04, 0.01, 0.30, 0.02]), Is.EqualTo(new[] { 0.08, 0.04, 0.30, 0.06 }).Within(1e-12));

    [Test]
    public void Adjust_CapsAtOne_AndLeavesNaNOut()
    {
        var adjusted = Holm.Adjust([0.5, double.NaN, 0.6]);
        Assert.That(adjusted[0], Is.EqualTo(1.0));
        Assert.That(double.IsNaN(adjusted[1]));
        Assert.That(adjusted[2], Is.EqualTo(1.0));
    }
}
