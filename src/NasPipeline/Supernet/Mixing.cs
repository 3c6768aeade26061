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
}
