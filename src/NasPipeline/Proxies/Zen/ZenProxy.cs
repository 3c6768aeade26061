using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Proxies.Zen;

/// <summary>
/// Zen-score (Lin et al., ICCV 2021), as ZenNAS's compute_zen_score.py computes it. Per repeat: conv and linear
/// weights redrawn from N(0, 1), their biases zeroed, BN scale 1 and shift 0; Gaussian inputs x and x + γ·ε
/// (mixup_gamma γ = 0.01); Δ = mean over the batch of ‖f(x) − f(x + γε)‖₁ on the features before global
/// pooling; score log Δ + Σ over BN layers of log √(mean running variance), read after both forward passes (BN in
/// training mode, so the running statistics move as in the reference). Repeats are averaged.
/// Every draw comes from one generator seeded by <see cref="ProxyInput.Seed"/>, so inputs with the same seed are
/// scored on the same random network and inputs (a zc-zen projection compares an edge's candidates like with like).
/// BN running statistics start from a fresh network's (mean 0, variance 1), as on the freshly built networks the
/// reference scores. BN layers in the input's unused parts (ops with a zero mixing weight) are left out of the sum.
/// </summary>
public sealed class ZenProxy(ZenOptions options) : IProxy
{
    public const double MixupGamma = 1e-2;

    public ZenProxy() : this(ZenOptions.Default) { }

    public string Name => "zen";
    public bool UsesData => false;

    public double Score(ProxyInput input)
    {
        var network = input.Network;
        var shape = input.Images.shape;
        var unused = input.UnusedModules();
        var modules = WeightedLayers.AllModules(network).ToList();
        var norms = modules.OfType<BatchNorm2d>().Where(bn => !unused.Contains(bn)).ToList();
        using var generator = new Generator((ulong)input.DrawSeed());
        network.train();
        using (no_grad())
            foreach (var bn in modules.OfType<BatchNorm2d>()) bn.reset_running_stats();

        Tensor? features = null;
        var removers = modules.OfType<AdaptiveAvgPool2d>().Select(pool => (Action)pool.register_forward_hook(
            (_, poolInput, output) => { features = poolInput.detach(); return output; }).remove).ToList();
        try
        {
            using var _ = no_grad();
            var scores = new List<double>();
            for (var repeat = 0; repeat < options.Repeats; repeat++)
            {
                GaussianInit(modules, generator);
                var x = randn(shape, generator: generator);
                var mixup = x.add(randn(shape, generator: generator).mul(MixupGamma));
                network.call(x);
                var clean = features ?? throw new InvalidOperationException("zen needs a global average pooling layer");
                network.call(mixup);
                var delta = clean.sub(features!).abs().sum([1, 2, 3]).mean().to(ScalarType.Float64).item<double>();
                var bnScaling = norms.Sum(bn =>
                    Math.Log(Math.Sqrt(bn.running_var!.mean().to(ScalarType.Float64).item<double>())));
                scores.Add(Math.Log(delta) + bnScaling);
            }
            return scores.Average();
        }
        finally { foreach (var remove in removers) remove(); }
    }

    /// <summary>The reference's network_weight_gaussian_init, in module order.</summary>
    static void GaussianInit(IEnumerable<nn.Module> modules, Generator generator)
    {
        foreach (var module in modules)
            switch (module)
            {
                case Conv2d conv:
                    conv.weight!.normal_(generator: generator);
                    conv.bias?.zero_();
                    break;
                case Linear linear:
                    linear.weight!.normal_(generator: generator);
                    linear.bias?.zero_();
                    break;
                case BatchNorm2d bn:
                    bn.weight?.fill_(1);
                    bn.bias?.zero_();
                    break;
            }
    }
}
