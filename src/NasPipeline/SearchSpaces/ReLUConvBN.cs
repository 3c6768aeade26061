using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces;

/// <summary>
/// ReLU → Conv → BN: NB201's <c>nor_conv</c> and ResNet-block unit, DARTS's cell preprocessing. The spaces differ
/// only in the convolution's bias: NB201 has one exactly when the BN has no affine parameters (supernet cells), so
/// parameter counts match the benchmark; DARTS never has one (quark0/darts <c>cnn/operations.py</c>).
/// </summary>
public sealed class ReLUConvBN : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> relu;
    readonly Conv2d conv;
    readonly BatchNorm2d bn;

    public ReLUConvBN(int channelsIn, int channelsOut, int kernel, int stride, int padding, bool affine, bool bias)
        : base(nameof(ReLUConvBN))
    {
        relu = nn.ReLU();
        conv = nn.Conv2d(channelsIn, channelsOut, kernel, stride: stride, padding: padding, bias: bias);
        bn = nn.BatchNorm2d(channelsOut, affine: affine, track_running_stats: true);
        RegisterComponents();
    }

    /// <summary>The convolution (the supernet's fused cell forward reads its weights).</summary>
    public Conv2d Conv => conv;

    /// <summary>The batch norm (the supernet's fused cell forward reads and updates its statistics).</summary>
    public BatchNorm2d Norm => bn;

    // Intermediates are left to the caller's dispose scope: hooks (proxies) may hold on to them.
    public override Tensor forward(Tensor input) => bn.call(conv.call(relu.call(input)));
}
