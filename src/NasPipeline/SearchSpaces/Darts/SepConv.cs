using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// DARTS's <c>sep_conv_k×k</c> (quark0/darts <c>cnn/operations.py</c> <c>SepConv</c>): a separable convolution
/// applied twice, ReLU → depthwise k×k (stride s) → pointwise 1×1 → BN, then ReLU → depthwise k×k (stride 1)
/// → pointwise → BN. Padding k // 2 keeps the size at stride 1; no convolution has a bias.
/// </summary>
public sealed class SepConv : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> relu1, depthwise1, pointwise1, bn1;
    readonly nn.Module<Tensor, Tensor> relu2, depthwise2, pointwise2, bn2;

    public SepConv(int channelsIn, int channelsOut, int kernel, int stride, int padding, bool affine)
        : base(nameof(SepConv))
    {
        relu1 = nn.ReLU();
        depthwise1 = nn.Conv2d(channelsIn, channelsIn, kernel, stride: stride, padding: padding,
            groups: channelsIn, bias: false);
        pointwise1 = nn.Conv2d(channelsIn, channelsIn, 1, bias: false);
        bn1 = nn.BatchNorm2d(channelsIn, affine: affine);
        relu2 = nn.ReLU();
        depthwise2 = nn.Conv2d(channelsIn, channelsIn, kernel, stride: 1, padding: padding,
            groups: channelsIn, bias: false);
        pointwise2 = nn.Conv2d(channelsIn, channelsOut, 1, bias: false);
        bn2 = nn.BatchNorm2d(channelsOut, affine: affine);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = bn1.call(pointwise1.call(depthwise1.call(relu1.call(input))));
        return bn2.call(pointwise2.call(depthwise2.call(relu2.call(x))));
    }
}
