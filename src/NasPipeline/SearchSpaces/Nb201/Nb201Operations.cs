using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>Builds a cell operation by its NB201 name, for a stride-1 edge of C channels.</summary>
public static class Nb201Operations
{
    public static nn.Module<Tensor, Tensor> Create(string operation, int channels, bool affine) => operation switch
    {
        "none" => new Zero(),
        "skip_connect" => new Identity(),
        "nor_conv_1x1" => new ReLUConvBN(channels, channels, 1, 1, 0, affine),
        "nor_conv_3x3" => new ReLUConvBN(channels, channels, 3, 1, 1, affine),
        // NB201 averages over real pixels only at the borders.
        "avg_pool_3x3" => nn.AvgPool2d(3, stride: 1, padding: 1, count_include_pad: false),
        _ => throw new ArgumentException($"unknown NB201 operation \"{operation}\"", nameof(operation)),
    };
}
