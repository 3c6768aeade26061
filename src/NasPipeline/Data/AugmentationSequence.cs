using static TorchSharp.torch;

namespace NasPipeline.Data;

/// <summary>
/// Augmentations applied one after another, each drawing from the one generator <see cref="Batches"/> hands over,
/// in order: [dataset] augment then retraining's cutout, as DARTS appends Cutout to its train transform. The first
/// step draws exactly what it draws alone, so adding a later step leaves its images unchanged.
/// </summary>
public sealed class AugmentationSequence : IAugmentation
{
    readonly IReadOnlyList<IAugmentation> _steps;

    AugmentationSequence(IReadOnlyList<IAugmentation> steps) => _steps = steps;

    /// <summary><paramref name="first"/> then <paramref name="second"/>; "none" steps are left out.</summary>
    public static IAugmentation Of(IAugmentation first, IAugmentation second) =>
        first is NoAugmentation ? second
        : second is NoAugmentation ? first
        : new AugmentationSequence([first, second]);

    public Tensor Apply(Tensor images, Normalization normalization, Random random)
    {
        using var scope = NewDisposeScope();
        var result = images;
        foreach (var step in _steps) result = step.Apply(result, normalization, random);
        return result.MoveToOuterDisposeScope();
    }
}
