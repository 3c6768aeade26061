using NasPipeline.Data;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>
/// DARTS-PT's fine-tuning between edge decisions: fresh optimisers, constant learning rate; decided edges stay
/// one-hot, undecided edges mix by softmax(α). With α options, each step first takes a first-order DARTS step on
/// α with an α-half batch; without, α stays fixed (the blank supernet) and only the weights train.
/// </summary>
public static class ProjectedTuning
{
    /// <returns>The mixing weights after tuning: projected rows for decided edges, softmax(α) elsewhere.</returns>
    public static Tensor Run(Nb201Supernet supernet, bool[] decided, Tensor projected, AlphaOptions? alpha,
        Batches weightBatches, Batches alphaBatches, int epochs, double learningRate, SupernetTrainingOptions o)
    {
        using var mask = tensor(decided).unsqueeze(1);
        Tensor Mixing() => where(mask, projected, supernet.SoftmaxWeights());
        if (epochs <= 0) return Mixing().detach();

        var weights = supernet.WeightParameters().ToList();
        using var weightOptimizer = optim.SGD(weights, learningRate, o.Momentum, weight_decay: o.WeightDecay, nesterov: o.Nesterov);
        using var alphaOptimizer = alpha is null ? null
            : optim.Adam([supernet.Alpha], alpha.LearningRate, alpha.Beta1, alpha.Beta2, weight_decay: alpha.WeightDecay);
        supernet.train();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            using var alphaEpoch = alphaBatches.Epoch().GetEnumerator();
            weightBatches.ForEach((images, labels, _) =>
            {
                if (alphaOptimizer is not null)
                {
                    if (!alphaEpoch.MoveNext()) return;
                    var (xa, ya) = alphaEpoch.Current;
                    alphaOptimizer.zero_grad();
                    nn.functional.cross_entropy(supernet.Forward(xa, Mixing()), ya).backward();
                    alphaOptimizer.step();
                }
                weightOptimizer.zero_grad();
                var loss = nn.functional.cross_entropy(supernet.Forward(images, Mixing().detach()), labels);
                loss.backward();
                if (o.GradClip > 0) nn.utils.clip_grad_norm_(weights, o.GradClip);
                weightOptimizer.step();
            });
        }
        using (no_grad()) return Mixing().detach();
    }
}
