using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>NB201's classifier: BN → ReLU → global average pooling → linear.</summary>
public sealed class Head : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> bn;
    readonly nn.Module<Tensor, Tensor> relu;
    readonly nn.Module<Tensor, Tensor> pool;
    readonly nn.Module<Tensor, Tensor> classifier;

    public Head(int channels, int classes) : base(nameof(Head))
    {
        bn = nn.BatchNorm2d(channels);
        relu = nn.ReLU();
        pool = nn.AdaptiveAvgPool2d(1);
        classifier = nn.Linear(channels, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => classifier.call(pool.call(relu.call(bn.call(input))).flatten(1));
}
