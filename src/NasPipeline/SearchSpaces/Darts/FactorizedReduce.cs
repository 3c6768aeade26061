using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// Halves the spatial size with two 1×1 stride-2 convolutions, one on x and one on x shifted by a pixel
/// (<c>x[:, :, 1:, 1:]</c>), each giving half the output channels, concatenated, then BN (quark0/darts
/// <c>cnn/operations.py</c> <c>FactorizedReduce</c>). It is <c>skip_connect</c> at stride 2 and the
/// preprocessing of a cell whose previous-but-one input is one reduction larger.
/// </summary>
public sealed class FactorizedReduce : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> relu, conv1, conv2, bn;

    public FactorizedReduce(int channelsIn, int channelsOut, bool affine) : base(nameof(FactorizedReduce))
    {
        if (channelsOut % 2 != 0)
            throw new ArgumentException($"FactorizedReduce needs an even number of output channels, got {channelsOut}");
        relu = nn.ReLU();
        conv1 = nn.Conv2d(channelsIn, channelsOut / 2, 1, stride: 2, bias: false);
        conv2 = nn.Conv2d(channelsIn, channelsOut / 2, 1, stride: 2, bias: false);
        bn = nn.BatchNorm2d(channelsOut, affine: affine);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = relu.call(input);
        // As in the reference, the sizes must be even (32 and 28 pixel inputs reduce 32→16→8 and 28→14→7, only
        // ever from an even size): on an odd size the shifted half would be one pixel smaller.
        return bn.call(cat([conv1.call(x), conv2.call(x[.., .., 1.., 1..])], 1));
    }
}
