using static TorchSharp.torch;

namespace NasPipeline.Data;

/// <summary><c>augment = "none"</c>: the batch as it is, the same tensor, drawing nothing.</summary>
public sealed class NoAugmentation : IAugmentation
{
    public static readonly NoAugmentation Instance = new();

    NoAugmentation() { }

    public Tensor Apply(Tensor images, Normalization normalization, Random random) => images;
}
