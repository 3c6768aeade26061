using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// DARTS's <c>dil_conv_k×k</c> (quark0/darts <c>cnn/operations.py</c> <c>DilConv</c>): ReLU → depthwise k×k with
/// dilation 2 (padding 2 for 3×3, 4 for 5×5, so stride 1 keeps the size) → pointwise 1×1 → BN. No biases.
/// </summary>
public sealed class DilConv : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> relu, depthwise, pointwise, bn;

    public DilConv(int channelsIn, int channelsOut, int kernel, int stride, int padding, int dilation, bool affine)
        : base(nameof(DilConv))
    {
        relu = nn.ReLU();
        depthwise = nn.Conv2d(channelsIn, channelsIn, kernel, stride: stride, padding: padding, dilation: dilation,
            groups: channelsIn, bias: false);
        pointwise = nn.Conv2d(channelsIn, channelsOut, 1, bias: false);
        bn = nn.BatchNorm2d(channelsOut, affine: affine);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => bn.call(pointwise.call(depthwise.call(relu.call(input))));
}
