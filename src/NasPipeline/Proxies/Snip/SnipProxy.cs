using static TorchSharp.torch;

namespace NasPipeline.Proxies.Snip;

/// <summary>
/// SNIP (Lee et al., 2019) at initialisation: Σ |θ ⊙ ∂L/∂θ| over conv and linear weights, L the cross-entropy
/// on the batch.
/// </summary>
public sealed class SnipProxy : IProxy
{
    public string Name => "snip";
    public bool UsesData => true;

    public double Score(ProxyInput input)
    {
        var (network, images, labels) = (input.Network, input.Images, input.Labels);
        network.train();
        WeightedLayers.Backward(network, images, labels);
        return WeightedLayers.SumOverWeights(network, (w, g) => w.mul(g).abs());
    }
}
