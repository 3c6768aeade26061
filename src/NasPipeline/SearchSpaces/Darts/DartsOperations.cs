using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// Builds a DARTS operation by name for an edge of C channels and a stride (quark0/darts <c>cnn/operations.py</c>
/// <c>OPS</c>): the search network builds every one with <c>affine: false</c>, the evaluation network its
/// genotype's with <c>affine: true</c>.
/// </summary>
public static class DartsOperations
{
    public static nn.Module<Tensor, Tensor> Create(string operation, int channels, int stride, bool affine) =>
        operation switch
        {
            "none" => new Zero(stride),
            "max_pool_3x3" => nn.MaxPool2d(3, stride: stride, padding: 1),
            "avg_pool_3x3" => nn.AvgPool2d(3, stride: stride, padding: 1, count_include_pad: false),
            "skip_connect" => stride == 1 ? new Identity() : new FactorizedReduce(channels, channels, affine),
            "sep_conv_3x3" => new SepConv(channels, channels, 3, stride, 1, affine),
            "sep_conv_5x5" => new SepConv(channels, channels, 5, stride, 2, affine),
            "dil_conv_3x3" => new DilConv(channels, channels, 3, stride, 2, 2, affine),
            "dil_conv_5x5" => new DilConv(channels, channels, 5, stride, 4, 2, affine),
            _ => throw new ArgumentException(
                $"unknown DARTS operation \"{operation}\"; known: {string.Join(", ", DartsSpace.Operations)}",
                nameof(operation)),
        };

    /// <summary>
    /// The operation as the search network's MixedOp holds it: non-affine, pools followed by a non-affine BN.
    /// </summary>
    public static nn.Module<Tensor, Tensor> CreateForSearch(string operation, int channels, int stride)
    {
        var op = Create(operation, channels, stride, affine: false);
        return operation.Contains("pool", StringComparison.Ordinal) ? new PoolBN(op, channels) : op;
    }

    /// <summary>
    /// One search-network edge: the 8 operations at <paramref name="stride"/> as the search MixedOp holds them.
    /// </summary>
    public static MixedOp Mixed(int channels, int stride) => new(
        DartsSpace.Operations.Select(op => CreateForSearch(op, channels, stride)), DartsSpace.OperationIndex("none"));
}
