using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>
/// NAS-Bench-201 behind the space seam: one cell type ("cell", 6 edges × 5 ops), the benchmark's arch strings as
/// genotypes (their canonical string is the benchmark's, so keys and results never change), argmax per edge as
/// the derivation rule, and the benchmark's networks at C, N = <see cref="NetworkShape.Depth"/> cells per stage.
/// </summary>
public sealed class Nb201SearchSpace : ISearchSpace
{
    /// <summary>The one cell type, its edges in arch-string order with the benchmark's operation order.</summary>
    public static readonly CellType Cell = new("cell",
        Nb201Space.Edges.Select(e => new CellEdge(e.To, e.From, Nb201Space.Operations)).ToArray());

    // After Cell: static fields initialise in order, and the instance reads Cell.
    public static readonly Nb201SearchSpace Instance = new();

    Nb201SearchSpace() { }

    public string Name => "nb201";

    public (string Key, int Default) Depth => ("cells_per_stage", 5);

    public IReadOnlyList<CellType> CellTypes { get; } = [Cell];

    public IGenotype Parse(string text) => Genotype.Parse(text);

    public IGenotype FromChoices(IReadOnlyList<IReadOnlyList<int>> choices)
    {
        if (choices.Count != 1)
            throw new FormatException($"NB201 has one cell type, got choices for {choices.Count}");
        if (choices[0].Any(op => op < 0))
            throw new FormatException("an NB201 cell keeps every edge (use none to cut one)");
        return Genotype.FromIndices(choices[0]);
    }

    /// <summary>DARTS's rule on NB201: the largest weight on each edge (the first among equal ones).</summary>
    public IGenotype Derive(IReadOnlyList<double[][]> weights, bool excludeNone)
    {
        var none = Nb201Space.OperationIndex("none");
        return Genotype.FromIndices(weights.Single().Select(row => Enumerable.Range(0, row.Length)
            .Where(k => !(excludeNone && k == none)).MaxBy(k => row[k])));
    }

    public IGenotype Random(System.Random random) => Genotype.Random(random);

    public ISupernet CreateSupernet(NetworkShape shape) =>
        new Nb201Supernet(shape.Channels, shape.Depth, shape.InputChannels, shape.Classes);

    public nn.Module<Tensor, Tensor> CreateNetwork(IGenotype genotype, NetworkShape shape) =>
        new DiscreteNetwork(Of(genotype), shape.Channels, shape.Depth, shape.InputChannels, shape.Classes);

    /// <summary><paramref name="genotype"/> as an NB201 genotype; fails for another space's.</summary>
    public static Genotype Of(IGenotype genotype) => genotype as Genotype
        ?? throw new ArgumentException($"not an NB201 genotype: {genotype}", nameof(genotype));
}
