using NasPipeline.SearchSpaces;

namespace NasPipeline.Supernet;

/// <summary>
/// The supernet's operation weights taken out of autograd for a scope (α keeps its gradient). For α steps whose
/// weight gradients would be thrown away anyway: the weight step zeroes them before its own backward, as DARTS's
/// <c>train_search</c> does, so not computing them changes no number, and every convolution's backward skips its
/// weight gradient (about 40 % of the α step's backward on the NB201 supernet).
/// </summary>
public readonly struct FrozenWeights : IDisposable
{
    readonly List<TorchSharp.Modules.Parameter> _frozen;

    FrozenWeights(List<TorchSharp.Modules.Parameter> frozen) => _frozen = frozen;

    public static FrozenWeights Of(ISupernet supernet)
    {
        var frozen = supernet.WeightParameters().Where(p => p.requires_grad).ToList();
        foreach (var p in frozen) p.requires_grad_(false);
        return new FrozenWeights(frozen);
    }

    public void Dispose()
    {
        foreach (var p in _frozen) p.requires_grad_(true);
    }
}
