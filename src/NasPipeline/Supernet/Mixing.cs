using static TorchSharp.torch;

namespace NasPipeline.Supernet;

/// <summary>
/// How a supernet forward mixes its edges: weights [edges, ops] and, for trainers that sample one architecture
/// (GDAS, RSWS), the one operation per edge that is actually computed.
/// </summary>
public sealed record Mixing(Tensor Weights, int[]? Active = null)
{
    /// <summary>One discrete architecture: one-hot weights, and only those ops computed.</summary>
    public static Mixing OneHot(IReadOnlyList<int> operations)
    {
        using var index = tensor(operations.Select(i => (long)i).ToArray());
        return new Mixing(nn.functional.one_hot(index, NasPipeline.SearchSpaces.Nb201.Nb201Space.OperationCount).to(ScalarType.Float32), operations.ToArray());
    }

    /// <summary>
    /// This mixing with the edges of <paramref name="ops"/> that are not −1 held at that one op (one-hot rows, and
    /// that op active when ops are sampled); the other edges keep their rows (and gradients).
    /// </summary>
    public Mixing Fix(IReadOnlyList<int> ops)
    {
        var count = NasPipeline.SearchSpaces.Nb201.Nb201Space.OperationCount;
        using var mask = tensor(ops.Select(op => op >= 0).ToArray(), device: Weights.device).unsqueeze(1);
        using var index = tensor(ops.Select(op => (long)Math.Max(op, 0)).ToArray(), device: Weights.device);
        using var rows = nn.functional.one_hot(index, count).to(Weights.dtype);
        var active = Active?.Select((op, edge) => ops[edge] >= 0 ? ops[edge] : op).ToArray();
        return new Mixing(where(mask, rows, Weights), active);
    }
}
