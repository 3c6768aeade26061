using NasPipeline.Training;

namespace NasPipeline.Tests.Training;

public sealed class CosineScheduleTests
{
    [Test]
    public void At_StartsAtMax_HalfwayAtMidpoint_ApproachesMin()
    {
        Assert.That(CosineSchedule.At(0, 10, 0.025, 0.001), Is.EqualTo(0.025).Within(1e-12));
        Assert.That(CosineSchedule.At(5, 10, 0.025, 0.001), Is.EqualTo(0.013).Within(1e-12));
        Assert.That(CosineSchedule.At(10, 10, 0.025, 0.001), Is.EqualTo(0.001).Within(1e-12));
    }
}
