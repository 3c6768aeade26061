using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>Builds a cell operation by its NB201 name, for a stride-1 edge of C channels.</summary>
public static class Nb201Operations
{
    public static nn.Module<Tensor, Tensor> Create(string operation, int channels, bool affine) => operation switch
    {
        "none" => new Zero(),
        "skip_connect" => new Identity(),
        "nor_conv_1x1" => new ReLUConvBN(channels, channels, 1, 1, 0, affine, bias: !affine),
        "nor_conv_3x3" => new ReLUConvBN(channels, channels, 3, 1, 1, affine, bias: !affine),
        "avg_pool_3x3" => new AveragePool3x3(),
        _ => throw new ArgumentException($"unknown NB201 operation \"{operation}\"", nameof(operation)),
    };

    /// <summary>
    /// One supernet edge: the 5 operations without BN affine parameters (as in NB201/DARTS search), so α alone
    /// scales each op.
    /// </summary>
    public static MixedOp Mixed(int channels) => new(
        Nb201Space.Operations.Select(op => Create(op, channels, affine: false)), Nb201Space.OperationIndex("none"));
}
