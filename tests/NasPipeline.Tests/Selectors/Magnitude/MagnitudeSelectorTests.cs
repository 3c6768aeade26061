using NasPipeline.Manifest;
using NasPipeline.Selectors;
using NasPipeline.Trainers;
using NasPipeline.Selectors.Magnitude;

namespace NasPipeline.Tests.Selectors.Magnitude;

public sealed class MagnitudeSelectorTests
{
    static SelectionContext Context(double[][] weights) =>
        new(weights, 0, () => throw new AssertionException("magnitude must not load the supernet"),
            () => throw new AssertionException("magnitude must not load data"));

    static double[][] Weights(params int[] argmax) =>
        argmax.Select(k => Enumerable.Range(0, 5).Select(i => i == k ? 0.6 : 0.1).ToArray()).ToArray();

    [Test]
    public void Select_TakesArgmaxPerEdge()
    {
        var result = new MagnitudeSelector(new MagnitudeOptions(false)).Select(Context(Weights(3, 0, 1, 2, 4, 3)));
        Assert.That(result.Genotype.Choices[0], Is.EqualTo(new[] { 3, 0, 1, 2, 4, 3 }));
        Assert.That(result.Notes, Is.Empty);
    }

    [Test]
    public void Select_ExcludeNone_TakesBestOtherOperation()
    {
        var weights = Weights(0, 0, 0, 0, 0, 0);
        foreach (var edge in weights) edge[2] = 0.2;
        var result = new MagnitudeSelector(new MagnitudeOptions(true)).Select(Context(weights));
        Assert.That(((NasPipeline.SearchSpaces.Nb201.Genotype)result.Genotype).Operations,
            Is.All.EqualTo("nor_conv_1x1"));
    }

    [Test]
    public void Select_UniformWeights_SaysItCannotChoose()
    {
        var uniform = Enumerable.Range(0, 6).Select(_ => Enumerable.Repeat(0.2, 5).ToArray()).ToArray();
        var result = new MagnitudeSelector(new MagnitudeOptions(false)).Select(Context(uniform));
        Assert.That(result.Notes, Has.Count.EqualTo(1));
        Assert.That(result.Notes[0], Does.Contain("magnitude cannot choose").And.Contain("edge 0 (5 ops at 0.2)")
            .And.Contain("edge 5 (5 ops at 0.2)"));
    }

    [TestCase("oneshot", false)]
    [TestCase("rsws", false)]
    [TestCase("darts", true)]
    [TestCase("drnas", true)]
    [TestCase("gdas", true)]
    public void NotApplicableTo_TrainersThatKeepAlphaFixed(string trainer, bool applicable)
    {
        var options = TrainerCatalog.Default.Find(trainer, new SourceLocation("t.toml", 1, 1))
            .ReadOptions(new TomlSection("trainers", new SourceLocation("t.toml", 1, 1)));
        var reason = new MagnitudeSelector(new MagnitudeOptions(false))
            .NotApplicableTo(TrainerCatalog.Default.Create(trainer, options));
        Assert.That(reason is null, Is.EqualTo(applicable), reason);
    }
}
