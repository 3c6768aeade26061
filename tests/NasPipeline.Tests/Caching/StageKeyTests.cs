using NasPipeline.Caching;

namespace NasPipeline.Tests.Caching;

public sealed class StageKeyTests
{
    sealed record Options(double Lr, int Epochs);

    [Test]
    public void Compute_SameInputs_SameKey() =>
        Assert.That(StageKey.Compute("train", 1, new { o = new Options(0.025, 3), seed = 0 }),
            Is.EqualTo(StageKey.Compute("train", 1, new { o = new Options(0.025, 3), seed = 0 })));

    [Test]
    public void Compute_AnyChange_ChangesKey()
    {
        var key = StageKey.Compute("train", 1, new { o = new Options(0.025, 3), seed = 0 });
        Assert.That(new[]
        {
            StageKey.Compute("train", 2, new { o = new Options(0.025, 3), seed = 0 }),
            StageKey.Compute("select", 1, new { o = new Options(0.025, 3), seed = 0 }),
            StageKey.Compute("train", 1, new { o = new Options(0.0250001, 3), seed = 0 }),
            StageKey.Compute("train", 1, new { o = new Options(0.025, 3), seed = 1 }),
        }, Has.None.EqualTo(key));
    }

    [Test]
    public void Compute_ObjectTypedOptions_SerialiseTheirRuntimeType()
    {
        object a = new Options(0.1, 1), b = new Options(0.2, 1);
        Assert.That(StageKey.Compute("s", 1, new { options = a }),
            Is.Not.EqualTo(StageKey.Compute("s", 1, new { options = b })));
    }
}
