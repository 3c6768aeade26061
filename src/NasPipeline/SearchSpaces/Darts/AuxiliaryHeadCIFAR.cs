using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// The auxiliary classifier on the output of cell 2·layers // 3 (quark0/darts <c>cnn/model.py</c>
/// <c>AuxiliaryHeadCIFAR</c>, after NASNet): ReLU → 5×5 average pool, stride 3 (8×8 → 2×2) → 1×1 conv to 128
/// → BN → ReLU → 2×2 conv to 768 → BN → ReLU → linear. The reference assumes 8×8 (32×32 inputs); on
/// other sizes (7×7 from 28×28 inputs) the pool's stride is size − 5, so the head still sees 2×2 and has the same
/// parameters.
/// </summary>
public sealed class AuxiliaryHeadCIFAR : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> relu1, conv1, bn1, relu2, conv2, bn2, relu3, classifier;

    public AuxiliaryHeadCIFAR(int channels, int classes) : base(nameof(AuxiliaryHeadCIFAR))
    {
        relu1 = nn.ReLU();
        conv1 = nn.Conv2d(channels, 128, 1, bias: false);
        bn1 = nn.BatchNorm2d(128);
        relu2 = nn.ReLU();
        conv2 = nn.Conv2d(128, 768, 2, bias: false);
        bn2 = nn.BatchNorm2d(768);
        relu3 = nn.ReLU();
        classifier = nn.Linear(768, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var size = input.shape[^1];
        if (size < 6)
            throw new ArgumentException($"the auxiliary head needs at least a 6×6 map, got {size}×{size}");
        // Pool 5 with stride size − 5: 3 on 8×8 (the reference), 2 on 7×7; always 2×2.
        var pooled = nn.functional.avg_pool2d(relu1.call(input), 5, stride: size - 5, count_include_pad: false);
        var x = relu2.call(bn1.call(conv1.call(pooled)));
        x = relu3.call(bn2.call(conv2.call(x)));
        return classifier.call(x.flatten(1));
    }
}
