using NasPipeline.Manifest;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>
/// The SGD that trains network weights in every loop (supernet training, retraining, DARTS-PT's tuning): one
/// optimiser and one step — back-propagate, clip the gradients' global norm when asked, step — so the loops cannot
/// drift apart.
/// </summary>
public sealed class WeightSgd : IDisposable
{
    readonly List<Parameter> _parameters;
    readonly double _gradClip;

    /// <summary>SGD as <paramref name="sgd"/> says, at <paramref name="learningRate"/> if given.</summary>
    public WeightSgd(IEnumerable<Parameter> parameters, SgdSettings sgd, double? learningRate = null)
    {
        _parameters = parameters.ToList();
        _gradClip = sgd.GradClip;
        Optimizer = optim.SGD(_parameters, learningRate ?? sgd.LearningRate, sgd.Momentum,
            weight_decay: sgd.WeightDecay, nesterov: sgd.Nesterov);
    }

    /// <summary>The optimiser itself, for schedules, checkpoints and trainers that read its momentum.</summary>
    public optim.Optimizer Optimizer { get; }

    public void ZeroGrad() => Optimizer.zero_grad();

    /// <summary>Back-propagates <paramref name="loss"/>, clips (grad_clip &gt; 0) and takes the step.</summary>
    public void Step(Tensor loss)
    {
        loss.backward();
        if (_gradClip > 0) nn.utils.clip_grad_norm_(_parameters, _gradClip);
        Optimizer.step();
    }

    public void Dispose() => Optimizer.Dispose();
}
