using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces;

/// <summary>
/// How one cell type's edges are mixed: weights [edges, ops] and, for trainers that sample one architecture (GDAS,
/// RSWS), the one operation per edge that is actually computed.
/// </summary>
public sealed record CellMixing(Tensor Weights, int[]? Active = null)
{
    /// <summary>
    /// One discrete choice per edge: one-hot weights over <paramref name="count"/> ops, only those computed.
    /// </summary>
    public static CellMixing OneHot(IReadOnlyList<int> operations, int count)
    {
        using var index = tensor(operations.Select(i => (long)i).ToArray());
        return new CellMixing(nn.functional.one_hot(index, count).to(ScalarType.Float32), operations.ToArray());
    }

    /// <summary>
    /// This mixing with the edges of <paramref name="ops"/> that are not −1 held at that one op (one-hot rows, and
    /// that op active when ops are sampled); the other edges keep their rows (and gradients).
    /// </summary>
    public CellMixing Fix(IReadOnlyList<int> ops)
    {
        var count = Weights.shape[1];
        using var mask = tensor(ops.Select(op => op >= 0).ToArray(), device: Weights.device).unsqueeze(1);
        using var index = tensor(ops.Select(op => (long)Math.Max(op, 0)).ToArray(), device: Weights.device);
        using var rows = nn.functional.one_hot(index, count).to(Weights.dtype);
        var active = Active?.Select((op, edge) => ops[edge] >= 0 ? ops[edge] : op).ToArray();
        return new CellMixing(where(mask, rows, Weights), active);
    }
}

/// <summary>
/// How a supernet forward mixes its edges: one <see cref="CellMixing"/> per cell type, in the space's order.
/// </summary>
public sealed record Mixing(IReadOnlyList<CellMixing> Cells)
{
    /// <summary>A mixing of a space with one cell type (NB201).</summary>
    public Mixing(Tensor weights, int[]? active = null) : this([new CellMixing(weights, active)]) { }

    /// <summary>Soft mixing weights, one tensor per cell type.</summary>
    public static Mixing Of(IEnumerable<Tensor> weights) => new(weights.Select(w => new CellMixing(w)).ToArray());

    /// <summary>
    /// One discrete architecture (per cell type, per edge an op, over <paramref name="space"/>'s ops): one-hot weights,
    /// only those ops computed. An edge the architecture drops (−1, as <see cref="IGenotype.Choices"/> gives it) runs
    /// its <c>none</c> op alone.
    /// </summary>
    public static Mixing OneHot(ISearchSpace space, IReadOnlyList<IReadOnlyList<int>> operations) =>
        new(operations.Select((ops, c) => CellMixing.OneHot(
            ops.Select((op, edge) => op >= 0 ? op : None(space.CellTypes[c], edge)).ToArray(),
            space.CellTypes[c].OperationCount)).ToArray());

    static int None(CellType cellType, int edge) => cellType.Edges[edge].OperationIndex("none") is var none and >= 0
        ? none
        : throw new ArgumentException($"{cellType.Name} edge {edge} is dropped but has no none op to run");

    public CellMixing this[int cellType] => Cells[cellType];

    /// <summary>The weights of every cell type, in order.</summary>
    public IEnumerable<Tensor> Weights => Cells.Select(c => c.Weights);

    /// <summary>Each cell type's mixing mapped by <paramref name="map"/>.</summary>
    public Mixing Map(Func<CellMixing, CellMixing> map) => new(Cells.Select(map).ToArray());

    /// <summary>Per cell type, <see cref="CellMixing.Fix"/>.</summary>
    public Mixing Fix(IReadOnlyList<IReadOnlyList<int>> ops) => new(Cells.Select((c, i) => c.Fix(ops[i])).ToArray());
}
