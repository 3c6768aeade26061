using NasPipeline.SearchSpaces;
using NasPipeline.Selectors;
using NasPipeline.Selectors.Magnitude;
using static TorchSharp.torch;

namespace NasPipeline.Tests.SearchSpaces;

/// <summary>The seam with two cell types (as DARTS's normal and reduce): nothing may assume one α.</summary>
public class StackedEdgesTests
{
    /// <summary>Two cell types of 2 and 3 edges over ops {none, conv}; argmax per edge; no networks.</summary>
    sealed class TwoCellSpace : ISearchSpace
    {
        static CellType Type(string name, int edges) => new(name,
            Enumerable.Range(0, edges).Select(e => new CellEdge(e + 1, 0, ["none", "conv"])).ToArray());

        public string Name => "two-cell";
        public (string Key, int Default) Depth => ("layers", 1);
        public IReadOnlyList<CellType> CellTypes { get; } = [Type("normal", 2), Type("reduce", 3)];
        public IGenotype Parse(string text) => throw new NotSupportedException();
        public IGenotype FromChoices(IReadOnlyList<IReadOnlyList<int>> choices) => new Choices(choices);
        public IGenotype Derive(IReadOnlyList<double[][]> weights, bool excludeNone) => new Choices(weights
            .Select(block => (IReadOnlyList<int>)block.Select(row => excludeNone || row[1] >= row[0] ? 1 : 0).ToArray())
            .ToArray());
        public IGenotype Random(System.Random random) => throw new NotSupportedException();
        public ISupernet CreateSupernet(NetworkShape shape) => throw new NotSupportedException();
        public nn.Module<Tensor, Tensor> CreateNetwork(IGenotype genotype, NetworkShape shape) =>
            throw new NotSupportedException();
    }

    sealed record Choices(IReadOnlyList<IReadOnlyList<int>> Picks) : IGenotype
    {
        IReadOnlyList<IReadOnlyList<int>> IGenotype.Choices => Picks;
        public override string ToString() => string.Join("/", Picks.Select(p => string.Join(",", p)));
    }

    static readonly ISearchSpace Space = new TwoCellSpace();

    [Test]
    public void StackedEdges_LocateNameAndSplitAcrossCellTypes()
    {
        Assert.That(Space.Count(), Is.EqualTo(5));
        Assert.That(Space.Locate(3), Is.EqualTo((1, 1)));
        Assert.That(Space.EdgeName(3), Is.EqualTo("reduce 1 (2←0)"));
        Assert.That(Space.PerCellType(new[] { 0, 1, 2, 3, 4 }),
            Is.EqualTo(new[] { new[] { 0, 1 }, new[] { 2, 3, 4 } }));
        using var stacked = arange(10, dtype: ScalarType.Float32).reshape(5, 2);
        var blocks = Space.Split(stacked);
        Assert.That(blocks.Select(b => b.shape[0]), Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(blocks[1][0, 0].item<float>(), Is.EqualTo(4f));
        Assert.That(Space.Split(Enumerable.Range(0, 5).Select(i => new double[] { i, 0 }).ToArray())
            .Select(b => b.Length), Is.EqualTo(new[] { 2, 3 }));
    }

    [Test]
    public void MixingFix_HoldsEachCellTypesOwnEdges()
    {
        var mixing = Mixing.Of([full(2, 2, 0.5f), full(3, 2, 0.5f)]).Fix([[-1, 0], [1, -1, -1]]);
        Assert.That(mixing[0].Weights.data<float>().ToArray(), Is.EqualTo(new[] { 0.5f, 0.5f, 1f, 0f }));
        Assert.That(mixing[1].Weights.data<float>().ToArray(), Is.EqualTo(new[] { 0f, 1f, 0.5f, 0.5f, 0.5f, 0.5f }));
    }

    // An edge projection decides every cell type's edges in one order over the stacked edges.
    [Test]
    public void EdgeProjection_DecidesTheEdgesOfEveryCellType()
    {
        using var weights = full(5, 2, 0.5f);
        var scored = new List<int>();
        var picks = EdgeProjection.Run(Space, weights, EdgeProjection.Order(Space, "sequential", 0), false,
            masked =>
            {
                // Removing conv (column 1) on an edge hurts most: score = how much conv weight is left in all.
                scored.Add(1);
                return masked.select(1, 1).sum().item<float>();
            }, tiesByWeight: false);
        Assert.That(picks, Is.EqualTo(new[] { 1, 1, 1, 1, 1 }));
        Assert.That(scored, Has.Count.EqualTo(10));
        Assert.That(Space.FromChoices(Space.PerCellType(picks)).ToString(), Is.EqualTo("1,1/1,1,1"));
    }

    [Test]
    public void Magnitude_SpaceRule_AndTiesNamedByCellType()
    {
        double[][] weights = [[0.2, 0.8], [0.9, 0.1], [0.5, 0.5], [0.3, 0.7], [0.6, 0.4]];
        using var context = new SelectionContext(weights, 0, () => throw new InvalidOperationException(),
            () => throw new InvalidOperationException(), space: Space);
        var result = new MagnitudeSelector(new MagnitudeOptions(false)).Select(context);
        Assert.That(result.Genotype.ToString(), Is.EqualTo("1,0/1,1,0"));
        Assert.That(result.Notes.Single(), Does.Contain("edge reduce 0 (2 ops at 0.5)"));
    }
}
