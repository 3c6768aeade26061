using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces;

/// <summary>
/// The stem of NB201's and DARTS's networks: a bias-free 3×3 convolution and BN. (Not a Sequential: that disposes
/// intermediates hooks may hold.)
/// </summary>
public sealed class Stem : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> conv;
    readonly nn.Module<Tensor, Tensor> bn;

    public Stem(int inputChannels, int channels) : base(nameof(Stem))
    {
        conv = nn.Conv2d(inputChannels, channels, 3, padding: 1, bias: false);
        bn = nn.BatchNorm2d(channels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => bn.call(conv.call(input));
}
