using System.Globalization;
using System.Text;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// A discrete DARTS architecture: per cell type two (operation, input) pairs per intermediate node and the nodes
/// concatenated into the output (quark0/darts <c>cnn/genotypes.py</c>,
/// <c>namedtuple('Genotype', 'normal normal_concat reduce reduce_concat')</c>). Reads and writes DARTS's own
/// text, e.g. <c>Genotype(normal=[('sep_conv_3x3', 0), …], normal_concat=[2, 3, 4, 5], reduce=[…],
/// reduce_concat=[2, 3, 4, 5])</c>, so genotypes from published genotypes.py files paste in.
/// </summary>
public sealed class DartsGenotype : IGenotype, IEquatable<DartsGenotype>
{
    public DartsGenotype(IEnumerable<(string Operation, int Input)> normal, IEnumerable<int> normalConcat,
        IEnumerable<(string Operation, int Input)> reduce, IEnumerable<int> reduceConcat)
    {
        Normal = Check(normal.ToArray(), "normal");
        NormalConcat = CheckConcat(normalConcat.ToArray(), Normal.Count / 2, "normal_concat");
        Reduce = Check(reduce.ToArray(), "reduce");
        ReduceConcat = CheckConcat(reduceConcat.ToArray(), Reduce.Count / 2, "reduce_concat");
    }

    /// <summary>The normal cell: node i's two inputs are entries 2i and 2i + 1.</summary>
    public IReadOnlyList<(string Operation, int Input)> Normal { get; }
    public IReadOnlyList<int> NormalConcat { get; }

    /// <summary>The reduction cell, laid out as <see cref="Normal"/>.</summary>
    public IReadOnlyList<(string Operation, int Input)> Reduce { get; }
    public IReadOnlyList<int> ReduceConcat { get; }

    /// <summary>
    /// Per cell type (normal, reduce), per edge of <see cref="DartsSpace.Edges"/>, the kept operation or −1. Only a
    /// cell of <see cref="DartsSpace.Steps"/> nodes whose two genes per node read different inputs has one: published
    /// genotypes that take one input twice paste in for <c>nas params</c> and retraining, but are no choice of α rows.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> Choices =>
        _choices ??= [ChoicesOf(Normal, "normal"), ChoicesOf(Reduce, "reduce")];

    IReadOnlyList<IReadOnlyList<int>>? _choices;

    /// <summary>
    /// One cell's genes as α-row choices (op index per edge, −1 where no gene reads that input); fails for a cell of
    /// another size or a node that takes one input twice.
    /// </summary>
    internal static int[] ChoicesOf(IReadOnlyList<(string Operation, int Input)> genes, string cell)
    {
        if (genes.Count != 2 * DartsSpace.Steps)
            throw new InvalidOperationException(
                $"{cell} cell has {genes.Count / 2} nodes; the DARTS space's α has {DartsSpace.Steps}");
        var row = Enumerable.Repeat(-1, DartsSpace.EdgeCount).ToArray();
        for (var i = 0; i < genes.Count; i++)
        {
            var edge = DartsSpace.FirstEdge(i / 2) + genes[i].Input;
            if (row[edge] >= 0)
                throw new InvalidOperationException(
                    $"{cell} cell: node {i / 2 + 2} takes input {genes[i].Input} twice, which no α row choice gives");
            row[edge] = DartsSpace.OperationIndex(genes[i].Operation);
        }
        return row;
    }

    /// <summary>The genes of one cell type.</summary>
    public IReadOnlyList<(string Operation, int Input)> Genes(bool reduction) => reduction ? Reduce : Normal;

    /// <summary>The concatenated nodes of one cell type.</summary>
    public IReadOnlyList<int> Concat(bool reduction) => reduction ? ReduceConcat : NormalConcat;

    /// <summary>Reads DARTS's text (see <see cref="DartsGenotypeParser"/> for what is accepted).</summary>
    public static DartsGenotype Parse(string text) => DartsGenotypeParser.Parse(text);

    public static bool TryParse(string text, out DartsGenotype? genotype)
    {
        try { genotype = Parse(text); return true; }
        catch (FormatException) { genotype = null; return false; }
    }

    /// <summary>DARTS's text with concat lists, as its stored genotypes (DARTS_V2) are written.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("Genotype(");
        text.Append("normal=").Append(FormatGenes(Normal));
        text.Append(", normal_concat=").Append(FormatInts(NormalConcat));
        text.Append(", reduce=").Append(FormatGenes(Reduce));
        text.Append(", reduce_concat=").Append(FormatInts(ReduceConcat));
        return text.Append(')').ToString();
    }

    public bool Equals(DartsGenotype? other) => other is not null && Normal.SequenceEqual(other.Normal)
        && NormalConcat.SequenceEqual(other.NormalConcat) && Reduce.SequenceEqual(other.Reduce)
        && ReduceConcat.SequenceEqual(other.ReduceConcat);

    public override bool Equals(object? obj) => Equals(obj as DartsGenotype);
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    static string FormatGenes(IEnumerable<(string Operation, int Input)> genes) =>
        "[" + string.Join(", ", genes.Select(g => string.Create(CultureInfo.InvariantCulture,
            $"('{g.Operation}', {g.Input})"))) + "]";

    static string FormatInts(IEnumerable<int> values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";

    static (string, int)[] Check((string Operation, int Input)[] genes, string field)
    {
        if (genes.Length == 0 || genes.Length % 2 != 0)
            throw new FormatException(
                $"{field}: a cell needs two (operation, input) pairs per node, got {genes.Length}");
        for (var i = 0; i < genes.Length; i++)
        {
            var (op, input) = genes[i];
            if (DartsSpace.OperationIndex(op) < 0)
                throw new FormatException($"{field}[{i}]: unknown operation \"{op}\"; DARTS operations: "
                    + string.Join(", ", DartsSpace.Operations));
            if (input < 0 || input >= 2 + i / 2)
                throw new FormatException($"{field}[{i}]: node {i / 2} can take inputs 0..{1 + i / 2} "
                    + $"(the cell inputs and earlier nodes), got {input}");
        }
        return genes;
    }

    static int[] CheckConcat(int[] concat, int steps, string field)
    {
        if (concat.Length == 0) throw new FormatException($"{field}: no node to concatenate");
        foreach (var node in concat)
            if (node < 0 || node >= 2 + steps)
                throw new FormatException($"{field}: node {node} is not in the cell (0..{1 + steps})");
        return concat;
    }
}
