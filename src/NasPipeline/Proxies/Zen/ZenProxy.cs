using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Proxies.Zen;

/// <summary>
/// Zen-score (Lin et al., ICCV 2021): conv and linear weights redrawn from N(0, 1), Gaussian inputs x and
/// x + 0.01·ε; log E‖f(x) − f(x + 0.01ε)‖₁ over the features before global pooling, plus Σ over BN layers of
/// log √(mean batch variance). Data-free in the images it reads (it draws its own inputs), seeded by the caller.
/// </summary>
public sealed class ZenProxy : IProxy
{
    const double MixupGamma = 1e-2;

    public string Name => "zen";
    public bool UsesData => false;

    public double Score(ProxyInput input)
    {
        var (network, images, labels) = (input.Network, input.Images, input.Labels);
        using (no_grad())
            foreach (var layer in WeightedLayers.Of(network)) WeightedLayers.Weight(layer).normal_();
        network.train();

        Tensor? features = null;
        var variances = new List<double>();
        var removers = new List<Action>();
        foreach (var pool in WeightedLayers.AllModules(network).OfType<AdaptiveAvgPool2d>())
            removers.Add(pool.register_forward_hook((_, input, output) => { features = input.detach(); return output; }).remove);
        foreach (var bn in WeightedLayers.AllModules(network).OfType<BatchNorm2d>())
            removers.Add(bn.register_forward_hook((_, input, output) =>
            {
                variances.Add(input.detach().var([0, 2, 3], unbiased: false).mean().to(ScalarType.Float64).item<double>());
                return output;
            }).remove);
        try
        {
            using var _ = no_grad();
            var x = randn(images.shape);
            network.call(x.add(randn(images.shape).mul(MixupGamma)));
            var mixed = features ?? throw new InvalidOperationException("zen needs a global average pooling layer");
            variances.Clear();
            network.call(x);
            var clean = features!;
            var delta = clean.sub(mixed).abs().sum([1, 2, 3]).mean().to(ScalarType.Float64).item<double>();
            return Math.Log(delta) + variances.Sum(v => Math.Log(Math.Sqrt(v)));
        }
        finally { foreach (var remove in removers) remove(); }
    }
}
