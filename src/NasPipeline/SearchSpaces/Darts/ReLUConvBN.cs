using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// ReLU → bias-free convolution → BN: DARTS's cell preprocessing (quark0/darts <c>cnn/operations.py</c>
/// <c>ReLUConvBN</c>). Unlike NB201's unit of the same name, the convolution never has a bias.
/// </summary>
public sealed class ReLUConvBN : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> relu;
    readonly Conv2d conv;
    readonly BatchNorm2d bn;

    public ReLUConvBN(int channelsIn, int channelsOut, int kernel, int stride, int padding, bool affine)
        : base(nameof(ReLUConvBN))
    {
        relu = nn.ReLU();
        conv = nn.Conv2d(channelsIn, channelsOut, kernel, stride: stride, padding: padding, bias: false);
        bn = nn.BatchNorm2d(channelsOut, affine: affine);
        RegisterComponents();
    }

    // Intermediates are left to the caller's dispose scope: hooks (proxies) may hold on to them.
    public override Tensor forward(Tensor input) => bn.call(conv.call(relu.call(input)));
}
