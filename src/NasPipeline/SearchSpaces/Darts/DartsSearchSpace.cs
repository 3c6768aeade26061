using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// The DARTS cell space behind the space seam: two cell types ("normal", "reduce"), each 14 edges × 8 ops in
/// <see cref="DartsSpace"/> orders, genotypes in DARTS's own text, DARTS's <c>genotype()</c> as the derivation rule,
/// the search network at C and <see cref="NetworkShape.Depth"/> = layers, and <see cref="NetworkCIFAR"/> for
/// retraining. An architecture keeps two inputs per intermediate node; a dropped edge's choice is −1.
/// </summary>
public sealed class DartsSearchSpace : ISearchSpace
{
    public static readonly IReadOnlyList<CellType> Cells = [CellTypeOf("normal"), CellTypeOf("reduce")];

    // Both cell types have the same edges and operations; each node keeps 2 inputs.
    static CellType CellTypeOf(string name) =>
        new(name, DartsSpace.Edges.Select(e => new CellEdge(e.Node + 2, e.Input, DartsSpace.Operations)).ToArray(),
            InputsKept: 2);

    // After Cells: static fields initialise in order.
    public static readonly DartsSearchSpace Instance = new();

    DartsSearchSpace() { }

    public string Name => "darts";

    public (string Key, int Default) Depth => ("layers", 8);

    public IReadOnlyList<CellType> CellTypes => Cells;

    public IGenotype Parse(string text) => DartsGenotype.Parse(text);

    /// <summary>
    /// The genotype keeping, per node, the two edges whose choice is not −1, listed by input number so that one
    /// architecture has one string (DARTS's own <c>genotype()</c> lists the stronger input first; the network is
    /// the same).
    /// </summary>
    public IGenotype FromChoices(IReadOnlyList<IReadOnlyList<int>> choices)
    {
        if (choices.Count != 2)
            throw new FormatException($"DARTS has two cell types (normal, reduce), got choices for {choices.Count}");
        var concat = Enumerable.Range(2, DartsSpace.Steps).ToArray();
        return new DartsGenotype(Genes(choices[0], "normal"), concat, Genes(choices[1], "reduce"), concat);
    }

    static List<(string, int)> Genes(IReadOnlyList<int> row, string cell)
    {
        if (row.Count != DartsSpace.EdgeCount)
            throw new FormatException($"{cell}: DARTS cells have {DartsSpace.EdgeCount} edges, got {row.Count}");
        var genes = new List<(string, int)>();
        for (var node = 0; node < DartsSpace.Steps; node++)
        {
            var kept = Enumerable.Range(0, 2 + node).Where(input => row[DartsSpace.FirstEdge(node) + input] >= 0)
                .ToArray();
            if (kept.Length != 2)
                throw new FormatException(
                    $"{cell}: node {node + 2} keeps {kept.Length} input edge(s); a DARTS node keeps exactly 2");
            foreach (var input in kept)
            {
                var op = row[DartsSpace.FirstEdge(node) + input];
                if (op >= DartsSpace.OperationCount)
                    throw new FormatException(
                        $"{cell}: operation {op} is not one of DARTS's {DartsSpace.OperationCount}");
                genes.Add((DartsSpace.Operations[op], input));
            }
        }
        return genes;
    }

    /// <summary>
    /// DARTS's rule (<see cref="GenotypeDerivation"/>), which never keeps <c>none</c>, whatever
    /// <paramref name="excludeNone"/> says: per node the two inputs with the strongest non-none weight, each with
    /// its strongest non-none op.
    /// </summary>
    public IGenotype Derive(IReadOnlyList<double[][]> weights, bool excludeNone)
    {
        if (weights.Count != 2)
            throw new ArgumentException($"DARTS has two cell types, got weights for {weights.Count}", nameof(weights));
        return FromChoices(weights.Select((w, c) =>
            DartsGenotype.ChoicesOf(GenotypeDerivation.Cell(w), Cells[c].Name)).ToArray());
    }

    /// <summary>
    /// Per node two distinct inputs, each with a uniformly drawn non-none op (DARTS-PT's and NASLib's random
    /// DARTS cells), normal cell first.
    /// </summary>
    public IGenotype Random(System.Random random) => FromChoices([RandomRow(random), RandomRow(random)]);

    static int[] RandomRow(System.Random random)
    {
        var none = DartsSpace.OperationIndex("none");
        var row = Enumerable.Repeat(-1, DartsSpace.EdgeCount).ToArray();
        for (var node = 0; node < DartsSpace.Steps; node++)
        {
            var inputs = Enumerable.Range(0, 2 + node).ToArray();
            random.Shuffle(inputs);
            foreach (var input in inputs.Take(2))
            {
                var op = random.Next(DartsSpace.OperationCount - 1);
                row[DartsSpace.FirstEdge(node) + input] = op >= none ? op + 1 : op;
            }
        }
        return row;
    }

    public ISupernet CreateSupernet(NetworkShape shape) =>
        new DartsSearchNetwork(shape.Channels, shape.Depth, shape.InputChannels, shape.Classes);

    /// <summary>
    /// <see cref="NetworkCIFAR"/> without auxiliary head (retraining asks for one when its weight is set).
    /// </summary>
    public nn.Module<Tensor, Tensor> CreateNetwork(IGenotype genotype, NetworkShape shape) =>
        CreateNetwork(genotype, shape, NetworkOptions.Plain);

    /// <summary>NetworkCIFAR has DARTS's auxiliary head on cell 2·layers // 3 (quark0/darts cnn/model.py).</summary>
    public bool HasAuxiliaryHead => true;

    /// <summary>NetworkCIFAR's cells drop paths in training (quark0/darts cnn/model.py <c>Cell.forward</c>).</summary>
    public bool HasDropPath => true;

    /// <summary><see cref="NetworkCIFAR"/>, with its auxiliary head when <paramref name="options"/> ask.</summary>
    public nn.Module<Tensor, Tensor> CreateNetwork(IGenotype genotype, NetworkShape shape, NetworkOptions options) =>
        new NetworkCIFAR(Of(genotype), shape.Channels, shape.Depth, shape.Classes, options.AuxiliaryHead,
            inputChannels: shape.InputChannels);

    /// <summary>DARTS's <c>count_parameters_in_MB</c>: every parameter but the auxiliary head's.</summary>
    public long ParameterCount(nn.Module network) =>
        network is NetworkCIFAR cifar ? cifar.ParameterCount() : network.parameters().Sum(p => p.numel());

    /// <summary><paramref name="genotype"/> as a DARTS genotype; fails for another space's.</summary>
    public static DartsGenotype Of(IGenotype genotype) => genotype as DartsGenotype
        ?? throw new ArgumentException($"not a DARTS genotype: {genotype}", nameof(genotype));
}
