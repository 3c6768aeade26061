using NasPipeline.Supernet;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Trainers.Darts;

/// <summary>
/// First-order DARTS (Liu et al., ICLR 2019): alternate an Adam step on α, using an α-half batch with the current
/// weights, and an SGD step on the weights with mixing weights softmax(α).
/// </summary>
public sealed class DartsTrainer(DartsOptions options) : ISupernetTrainer
{
    optim.Optimizer? _alphaOptimizer;

    public SupernetTrainingOptions Training => options.Training;

    public void Attach(Nb201Supernet supernet) =>
        _alphaOptimizer = optim.Adam([supernet.Alpha], options.AlphaLearningRate, options.AlphaBeta1, options.AlphaBeta2,
            weight_decay: options.AlphaWeightDecay);

    public void UpdateArchitecture(Nb201Supernet supernet, Tensor images, Tensor labels, TrainingStep step, RunningMean metrics)
    {
        var optimizer = _alphaOptimizer ?? throw new InvalidOperationException("Attach the trainer to a supernet first");
        optimizer.zero_grad();
        var logits = supernet.Forward(images, supernet.SoftmaxWeights());
        var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();
        optimizer.step();
        metrics.Add(loss, logits, labels);
    }

    public Tensor WeightStepMixing(Nb201Supernet supernet, TrainingStep step) => supernet.SoftmaxWeights().detach();

    public Tensor SelectionWeights(Nb201Supernet supernet) => supernet.SoftmaxWeights();
}
