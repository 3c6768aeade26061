using System.Text;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>
/// A discrete NB201 cell: one operation per edge, in edge order. Prints and parses the benchmark's arch
/// strings, e.g.
/// <c>|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|</c>.
/// </summary>
public sealed class Genotype : IGenotype, IEquatable<Genotype>
{
    readonly string[] _ops;

    public Genotype(IEnumerable<string> operations)
    {
        _ops = operations.ToArray();
        if (_ops.Length != Nb201Space.EdgeCount)
            throw new FormatException($"an NB201 genotype has {Nb201Space.EdgeCount} edges, got {_ops.Length}");
        foreach (var op in _ops)
            if (Nb201Space.OperationIndex(op) < 0)
                throw new FormatException($"unknown operation \"{op}\"; NB201 operations: " +
                    $"{string.Join(", ", Nb201Space.Operations)}");
    }

    /// <summary>Builds a genotype from operation indices in canonical operation order.</summary>
    public static Genotype FromIndices(IEnumerable<int> indices) => new(indices.Select(i => Nb201Space.Operations[i]));

    /// <summary>A uniformly random architecture drawn from <paramref name="random"/>.</summary>
    public static Genotype Random(System.Random random) =>
        FromIndices(Enumerable.Range(0, Nb201Space.EdgeCount).Select(_ => random.Next(Nb201Space.OperationCount)));

    public IReadOnlyList<string> Operations => _ops;
    public IReadOnlyList<int> Indices => _ops.Select(Nb201Space.OperationIndex).ToArray();

    /// <summary>NB201's one cell type, every edge kept: <see cref="Indices"/>.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Choices => [Indices];
    public string this[int edge] => _ops[edge];

    public static Genotype Parse(string arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        var nodes = arch.Split('+');
        if (nodes.Length != Nb201Space.Nodes - 1)
            throw Malformed(arch,
                $"expected {Nb201Space.Nodes - 1} node groups separated by '+', found {nodes.Length}");
        var ops = new List<string>();
        for (var node = 1; node < Nb201Space.Nodes; node++)
        {
            var group = nodes[node - 1];
            if (group.Length < 2 || group[0] != '|' || group[^1] != '|')
                throw Malformed(arch, $"node {node} group \"{group}\" must start and end with '|'");
            var inputs = group[1..^1].Split('|');
            if (inputs.Length != node)
                throw Malformed(arch, $"node {node} must have {node} input(s), found {inputs.Length}");
            for (var from = 0; from < node; from++)
            {
                var parts = inputs[from].Split('~');
                if (parts.Length != 2 || parts[1] != from.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    throw Malformed(arch, $"node {node} input {from + 1} \"{inputs[from]}\" must be \"<op>~{from}\"");
                if (Nb201Space.OperationIndex(parts[0]) < 0)
                    throw Malformed(arch, $"unknown operation \"{parts[0]}\"; NB201 operations: " +
                        $"{string.Join(", ", Nb201Space.Operations)}");
                ops.Add(parts[0]);
            }
        }
        return new Genotype(ops);
    }

    public static bool TryParse(string arch, out Genotype? genotype)
    {
        try { genotype = Parse(arch); return true; }
        catch (FormatException) { genotype = null; return false; }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        for (var node = 1; node < Nb201Space.Nodes; node++)
        {
            if (node > 1) text.Append('+');
            text.Append('|');
            for (var from = 0; from < node; from++)
                text.Append(_ops[Nb201Space.EdgeIndex(node, from)]).Append('~').Append(from).Append('|');
        }
        return text.ToString();
    }

    public bool Equals(Genotype? other) => other is not null && _ops.SequenceEqual(other._ops);
    public override bool Equals(object? obj) => Equals(obj as Genotype);
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    static FormatException Malformed(string arch, string why) => new($"malformed NB201 arch string \"{arch}\": {why}");
}
