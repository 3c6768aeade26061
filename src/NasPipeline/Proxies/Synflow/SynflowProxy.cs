using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Proxies.Synflow;

/// <summary>
/// SynFlow (Tanaka et al., 2020; zero-cost form of Abdelfattah et al., 2021): every parameter replaced by its
/// absolute value, BN bypassed, one all-ones input in double precision; R = Σ output; score Σ|θ ⊙ ∂R/∂θ| over
/// conv and linear weights. Data-free. Values span many orders of magnitude: compare ranks or logs. Runs on the
/// input's float64 copy when it has one (R overflows float32 on deep networks), else on the network itself.
/// </summary>
public sealed class SynflowProxy : IProxy
{
    public string Name => "synflow";
    public bool UsesData => false;

    public double Score(ProxyInput input)
    {
        var copy = input.Float64Copy?.Invoke();
        var network = copy ?? input.Network;
        try
        {
            using (no_grad())
            {
                foreach (var p in network.parameters()) p.abs_();
                foreach (var bn in WeightedLayers.AllModules(network).OfType<BatchNorm2d>())
                {
                    // An identity BN: zero mean, unit variance, unit scale, no shift, evaluated with running statistics.
                    bn.running_mean?.zero_(); bn.running_var?.fill_(1);
                    bn.weight?.fill_(1); bn.bias?.zero_();
                }
            }
            network.eval();
            network.zero_grad();
            var dtype = network.parameters().First().dtype;
            network.call(ones([1, .. input.Images.shape[1..]], dtype)).sum().backward();
            return WeightedLayers.SumOverWeights(network, (w, g) => w.mul(g).abs());
        }
        finally { copy?.Dispose(); }
    }
}
