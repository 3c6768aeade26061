using NasPipeline.SearchSpaces.Darts;
using static TorchSharp.torch;

namespace NasPipeline.Tests.SearchSpaces.Darts;

public sealed class NetworkCIFARTests
{
    static DartsGenotype V2 => DartsGenotype.Parse(PublishedGenotypes.DartsV2);

    [TestCase(1, 28)]
    [TestCase(3, 32)]
    public void Forward_InTraining_GivesLogitsAndAuxiliaryLogits(int inputChannels, int size)
    {
        using var scope = NewDisposeScope();
        using var network = new NetworkCIFAR(V2, 4, 5, 10, auxiliary: true, inputChannels)
            { DropPathProbability = 0.2 };
        network.train();
        var (logits, auxiliary) = network.ForwardWithAuxiliary(randn(2, inputChannels, size, size));
        Assert.That(logits.shape, Is.EqualTo(new long[] { 2, 10 }));
        Assert.That(auxiliary!.shape, Is.EqualTo(new long[] { 2, 10 }));
        network.eval();
        var (evalLogits, none) = network.ForwardWithAuxiliary(randn(2, inputChannels, size, size));
        Assert.That(evalLogits.shape, Is.EqualTo(new long[] { 2, 10 }));
        Assert.That(none, Is.Null);
    }

    [Test]
    public void DropPath_OnlyInTraining()
    {
        using var scope = NewDisposeScope();
        var genotype = DartsGenotype.Parse(PublishedGenotypes.PcDartsCifar);
        using var network = new NetworkCIFAR(genotype, 4, 3, 10, auxiliary: false);
        var x = randn(4, 3, 16, 16);
        network.eval();
        var plain = network.forward(x);
        network.DropPathProbability = 0.9;
        Assert.That(network.forward(x).equal(plain).all().item<bool>(), Is.True, "evaluation never drops a path");
        network.train();
        network.DropPathProbability = 0;
        var trainPlain = network.forward(x);
        network.DropPathProbability = 0.9;
        network.DropPathGenerator = new Generator(1);
        Assert.That(network.forward(x).allclose(trainPlain), Is.False, "training drops paths");
    }

    [Test]
    public void DropPath_NeverDropsAnIdentity()
    {
        using var scope = NewDisposeScope();
        var skips = string.Join(", ", Enumerable.Repeat("('skip_connect', 0), ('skip_connect', 1)", 4));
        var genotype = DartsGenotype.Parse($"Genotype(normal=[{skips}], normal_concat=[2, 3, 4, 5], reduce=[{skips}], "
            + "reduce_concat=[2, 3, 4, 5])");
        // Cell 0 is a normal cell: all its ops are Identity, so its output does not depend on drop path.
        using var cell = new Cell(genotype, 6, 6, 4, reduction: false, reductionPrev: false);
        cell.train();
        var (s0, s1) = (randn(4, 6, 8, 8), randn(4, 6, 8, 8));
        Assert.That(cell.Forward(s0, s1, 0.9, new Generator(1)).allclose(cell.Forward(s0, s1, 0)), Is.True);
        // A reduction cell's skip from the inputs is a FactorizedReduce: that path is dropped.
        using var reduction = new Cell(genotype, 6, 6, 4, reduction: true, reductionPrev: false);
        reduction.train();
        Assert.That(reduction.Forward(s0, s1, 0.9, new Generator(1)).allclose(reduction.Forward(s0, s1, 0)), Is.False);
    }

    [Test]
    public void DropPathApply_ZeroesOrRescalesWholeSamples()
    {
        using var scope = NewDisposeScope();
        var x = ones(1000, 2, 3, 3);
        var dropped = DropPath.Apply(x, 0.25, new Generator(7));
        var perSample = dropped.reshape(1000, -1);
        var kept = perSample.select(1, 0).ne(0);
        // Every sample is all zeros or all 1 / 0.75, and about 3/4 are kept.
        Assert.That(perSample.max(1).values.eq(perSample.min(1).values).all().item<bool>(), Is.True);
        Assert.That(perSample.select(1, 0).masked_select(kept).allclose(full(1, 1 / 0.75f)), Is.True);
        Assert.That(kept.sum().item<long>(), Is.InRange(700, 800));
    }

    [Test]
    public void Layout_AuxiliaryHeadSitsOnTheCellAfterTheSecondReduction()
    {
        using var network = new NetworkCIFAR(V2, 36, 20, 10, auxiliary: true);
        var weight = network.named_parameters().Single(p => p.name == "auxiliaryHead.conv1.weight").parameter;
        // Cell 2·20//3 = 13 is the second reduction: 4 nodes × 144 channels.
        Assert.That(weight.shape, Is.EqualTo(new long[] { 128, 576, 1, 1 }));
    }
}
