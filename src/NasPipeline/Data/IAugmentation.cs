using static TorchSharp.torch;

namespace NasPipeline.Data;

/// <summary>
/// A random change of training batches (never of evaluation or scoring batches), applied by <see cref="Batches"/>
/// after it normalises a batch. Its draws come only from the generator it is handed, which Batches seeds from
/// (seed, epoch order, batch index): a resumed run that skips the batches it trained on augments the rest exactly
/// as a run that never stopped.
/// </summary>
public interface IAugmentation
{
    /// <summary>
    /// The augmented batch [B,C,H,W], in the caller's dispose scope; <paramref name="images"/> are normalised with
    /// <paramref name="normalization"/> and stay as they are.
    /// </summary>
    Tensor Apply(Tensor images, Normalization normalization, Random random);
}

/// <summary>The <c>augment</c> values of [dataset] and what each does.</summary>
public static class Augmentations
{
    public static IAugmentation Of(string name) => name switch
    {
        "none" => NoAugmentation.Instance,
        "crop-flip" => new CropFlip(CropFlip.CifarPadding),
        _ => throw new DataException($"unknown augmentation \"{name}\""),
    };
}
