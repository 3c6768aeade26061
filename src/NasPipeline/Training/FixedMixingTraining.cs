using NasPipeline.Data;
using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>
/// Trains a supernet's weights under a fixed mixing (α untouched): DARTS-PT's fine-tuning between edge decisions,
/// with a fresh optimiser each time and a constant learning rate.
/// </summary>
public static class FixedMixingTraining
{
    public static void Run(Nb201Supernet supernet, Mixing mixing, Batches batches, int epochs, double learningRate, SupernetTrainingOptions o)
    {
        if (epochs <= 0) return;
        var weights = supernet.WeightParameters().ToList();
        using var optimizer = optim.SGD(weights, learningRate, o.Momentum, weight_decay: o.WeightDecay, nesterov: o.Nesterov);
        supernet.train();
        for (var epoch = 0; epoch < epochs; epoch++)
            batches.ForEach((images, labels, _) =>
            {
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(supernet.Forward(images, mixing), labels);
                loss.backward();
                if (o.GradClip > 0) nn.utils.clip_grad_norm_(weights, o.GradClip);
                optimizer.step();
            });
    }
}
