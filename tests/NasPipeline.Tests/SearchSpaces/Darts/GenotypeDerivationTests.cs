using NasPipeline.SearchSpaces.Darts;
using static TorchSharp.torch;

namespace NasPipeline.Tests.SearchSpaces.Darts;

/// <summary>DARTS's genotype rule (quark0/darts <c>model_search.py</c> <c>genotype()</c>) on hand-built weights.
/// </summary>
public sealed class GenotypeDerivationTests
{
    // Columns: none, max_pool, avg_pool, skip, sep3, sep5, dil3, dil5.
    static double[][] HandWeights() =>
    [
        // node 0 (inputs 0, 1): none's 0.9 on input 0 is ignored; input 1 (max 0.6) beats input 0 (0.5).
        [0.9, 0.0, 0.0, 0.0, 0.5, 0.0, 0.0, 0.0],
        [0.0, 0.6, 0.0, 0.0, 0.1, 0.0, 0.0, 0.0],
        // node 1 (inputs 0, 1, 2): inputs 0 and 2 tie at 0.7, the lower input comes first; on input 0 skip and
        // dil5 tie, the first (skip) wins.
        [0.0, 0.0, 0.0, 0.7, 0.0, 0.0, 0.0, 0.7],
        [0.0, 0.3, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.7, 0.0, 0.0],
        // node 2 (inputs 0..3): input 3 strongest (dil3 0.8), then input 1 (avg 0.4).
        [0.0, 0.0, 0.0, 0.0, 0.2, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.4, 0.0, 0.0, 0.0, 0.0, 0.0],
        [0.0, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.8, 0.0],
        // node 3 (inputs 0..4): a row of only none is the weakest; input 4 (sep3 0.3), then input 2 (skip 0.25).
        [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.1, 0.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.25, 0.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.2],
        [0.0, 0.0, 0.0, 0.0, 0.3, 0.0, 0.0, 0.0],
    ];

    static readonly (string, int)[] Expected =
    [
        ("max_pool_3x3", 1), ("sep_conv_3x3", 0),
        ("skip_connect", 0), ("sep_conv_5x5", 2),
        ("dil_conv_3x3", 3), ("avg_pool_3x3", 1),
        ("sep_conv_3x3", 4), ("skip_connect", 2),
    ];

    [Test]
    public void Cell_KeepsTwoStrongestInputsByBestNonNoneOp() =>
        Assert.That(GenotypeDerivation.Cell(HandWeights()), Is.EqualTo(Expected));

    [Test]
    public void Derive_FromTensors_GivesBothCellsAndConcatTwoToFive()
    {
        using var normal = tensor(HandWeights().SelectMany(r => r).ToArray(), [14, 8]);
        using var reduce = normal.flip(1);
        var g = GenotypeDerivation.Derive(normal, reduce);
        Assert.That(g.Normal, Is.EqualTo(Expected));
        Assert.That(g.NormalConcat, Is.EqualTo(new[] { 2, 3, 4, 5 }));
        Assert.That(g.ReduceConcat, Is.EqualTo(new[] { 2, 3, 4, 5 }));
        // Flipped columns: node 0's input 0 now has none-free 0.9 on dil5 (column 7) and wins.
        Assert.That(g.Reduce[0], Is.EqualTo(("dil_conv_5x5", 0)));
    }

    [Test]
    public void SearchNetworkGenotype_IsTheRuleOnSoftmaxOfEachCellTypesAlpha()
    {
        using var scope = NewDisposeScope();
        using var network = new DartsSearchNetwork(2, 3, 1, 10);
        using (no_grad())
        {
            // Softmax is per row and the rule compares rows, so α is not a genotype by itself: the weights are.
            network.AlphaNormal.copy_(randn(14, 8, generator: new Generator(3)).mul(2));
            network.AlphaReduce.copy_(network.AlphaNormal.neg());
        }
        var g = network.Genotype();
        var rows = (Tensor alpha) => Enumerable.Range(0, 14)
            .Select(e => nn.functional.softmax(alpha[e], -1).to(ScalarType.Float64).data<double>().ToArray()).ToArray();
        Assert.That(g.Normal, Is.EqualTo(GenotypeDerivation.Cell(rows(network.AlphaNormal))));
        Assert.That(g.Reduce, Is.EqualTo(GenotypeDerivation.Cell(rows(network.AlphaReduce))));
        Assert.That(g.Reduce, Is.Not.EqualTo(g.Normal));
    }
}
