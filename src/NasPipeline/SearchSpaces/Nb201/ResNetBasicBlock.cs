using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>
/// The stride-2 block that joins NB201's stages: two ReLU-Conv-BN 3×3 plus a shortcut of AvgPool 2×2 and a
/// bias-free 1×1 convolution.
/// </summary>
public sealed class ResNetBasicBlock : nn.Module<Tensor, Tensor>
{
    readonly ReLUConvBN convA;
    readonly ReLUConvBN convB;
    readonly nn.Module<Tensor, Tensor> shortcutPool;
    readonly nn.Module<Tensor, Tensor> shortcutConv;

    public ResNetBasicBlock(int channelsIn, int channelsOut) : base(nameof(ResNetBasicBlock))
    {
        convA = new ReLUConvBN(channelsIn, channelsOut, 3, 2, 1, affine: true, bias: false);
        convB = new ReLUConvBN(channelsOut, channelsOut, 3, 1, 1, affine: true, bias: false);
        shortcutPool = nn.AvgPool2d(2, stride: 2, padding: 0);
        shortcutConv = nn.Conv2d(channelsIn, channelsOut, 1, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) =>
        convB.call(convA.call(input)).add(shortcutConv.call(shortcutPool.call(input)));
}
