using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Evaluation;
using static TorchSharp.torch;

namespace NasPipeline.Selectors;

/// <summary>
/// Accuracy and loss of a supernet under a given mixing on a set of images, without gradients. BN runs in train
/// mode (batch statistics), as DARTS-PT measures a supernet whose mixing differs from the one it was trained with;
/// the running statistics this updates belong to the selector's own copy of the supernet.
/// </summary>
public static class SupernetScore
{
    /// <param name="supernet">The supernet scored (its weights are not changed).</param>
    /// <param name="mixing">The mixing weights it is scored under.</param>
    /// <param name="images">The batches it is scored on.</param>
    /// <param name="batchStatistics">True: BN in train mode (batch statistics); false: evaluation mode (running
    /// statistics).</param>
    /// <param name="stop">
    /// Checked before each batch (a whole α half takes minutes): once it is requested, this throws
    /// <see cref="NodeInterruptedException"/>.
    /// </param>
    public static (double Loss, double Accuracy) Of(ISupernet supernet, Mixing mixing, Batches images,
        bool batchStatistics = true, StopSignal? stop = null)
    {
        supernet.Module.train(batchStatistics);
        return Accuracy.Of(x =>
        {
            stop?.ThrowIfRequested("scoring a supernet");
            return supernet.Forward(x, mixing);
        }, images);
    }

    /// <summary>The first <paramref name="size"/> α-half images (all when 0) in fixed order.</summary>
    public static Batches AlphaHalf(SearchData data, int size, int batchSize) =>
        new(data.AlphaHalf.Take(size), data.Normalization, batchSize, shuffle: false, seed: 0);
}
