using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// Drop path (quark0/darts <c>cnn/utils.py</c> <c>drop_path</c>): per sample, the whole path is zeroed with
/// probability p and otherwise scaled by 1 / (1 − p), so its expectation is unchanged.
/// </summary>
public static class DropPath
{
    public static Tensor Apply(Tensor input, double probability, Generator? generator = null)
    {
        if (probability <= 0) return input;
        var keep = 1.0 - probability;
        using var mask = empty([input.shape[0], 1, 1, 1], input.dtype, input.device).bernoulli_(keep, generator);
        return input.div(keep).mul(mask);
    }
}
