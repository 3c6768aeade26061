using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Proxies.Synflow;

/// <summary>
/// SynFlow (Tanaka et al., 2020; zero-cost form of Abdelfattah et al., 2021): every parameter replaced by its
/// absolute value, BN layers bypassed (exact identity), one all-ones input in double precision; R = Σ output;
/// score Σ|θ ⊙ ∂R/∂θ| over conv and linear weights. Data-free. Values span many orders of magnitude: compare
/// ranks or logs. Runs on the input's float64 copy when it has one (R overflows float32 on deep networks), else on
/// the network itself. On a supernet a removed op's output is multiplied by its zero weight, so its weights get no
/// gradient and add nothing, as in the reference.
/// </summary>
public sealed class SynflowProxy : IProxy
{
    public string Name => "synflow";
    public bool UsesData => false;

    public double Score(ProxyInput input)
    {
        var copy = input.Float64Copy?.Invoke();
        var network = copy ?? input.Network;
        // BN bypassed as zero-cost-nas's synflow (bn=False) does: each BN's output replaced by its input (a view,
        // a tensor of its own, since a Sequential disposes the intermediates it hands on).
        var removers = WeightedLayers.AllModules(network).OfType<BatchNorm2d>()
            .Select(bn => (Action)bn.register_forward_hook((_, bnInput, _) => bnInput.view(bnInput.shape)).remove)
            .ToList();
        try
        {
            using (no_grad())
                foreach (var p in network.parameters()) p.abs_();
            network.eval();
            network.zero_grad();
            var dtype = network.parameters().First().dtype;
            network.call(ones([1, .. input.Images.shape[1..]], dtype)).sum().backward();
            return WeightedLayers.SumOverWeights(network, (w, g) => w.mul(g).abs());
        }
        finally
        {
            foreach (var remove in removers) remove();
            copy?.Dispose();
        }
    }
}
