using NasPipeline.Data;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Evaluation;

/// <summary>Loss and accuracy of a network over a whole image set, in evaluation mode and without gradients.</summary>
public static class Accuracy
{
    public static (double Loss, double Accuracy) Of(nn.Module<Tensor, Tensor> network, ImageSet images, Normalization normalization, int batchSize = 256)
    {
        network.eval();
        var mean = new RunningMean();
        using (no_grad())
            new Batches(images, normalization, batchSize, shuffle: false, seed: 0).ForEach((x, y, _) =>
            {
                var logits = network.forward(x);
                mean.Add(nn.functional.cross_entropy(logits, y), logits, y);
            });
        return (mean.Loss, mean.Accuracy);
    }
}
