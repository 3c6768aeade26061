using NasPipeline.Data;
using static TorchSharp.torch;

namespace NasPipeline.Evaluation;

/// <summary>Loss and accuracy over a whole set of images, without gradients.</summary>
public static class Accuracy
{
    /// <summary>Runs <paramref name="logits"/> on every batch (in whatever mode the caller set) and averages.</summary>
    public static (double Loss, double Accuracy) Of(Func<Tensor, Tensor> logits, Batches images)
    {
        var mean = new RunningMean();
        using (no_grad())
            images.ForEach((x, y, _) =>
            {
                var output = logits(x);
                mean.Add(nn.functional.cross_entropy(output, y), output, y);
            });
        return (mean.Loss, mean.Accuracy);
    }

    /// <summary>A network in evaluation mode on an image set.</summary>
    public static (double Loss, double Accuracy) Of(nn.Module<Tensor, Tensor> network, ImageSet images,
        Normalization normalization, int batchSize = 256)
    {
        network.eval();
        return Of(network.call, new Batches(images, normalization, batchSize, shuffle: false, seed: 0));
    }
}
