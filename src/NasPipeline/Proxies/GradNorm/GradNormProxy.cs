using static TorchSharp.torch;

namespace NasPipeline.Proxies.GradNorm;

/// <summary>
/// grad_norm: Σ over conv and linear layers of ‖∂L/∂W‖₂ (a sum of per-layer Frobenius norms).
/// </summary>
public sealed class GradNormProxy : IProxy
{
    public string Name => "grad_norm";
    public bool UsesData => true;

    public double Score(ProxyInput input)
    {
        var (network, images, labels) = (input.Network, input.Images, input.Labels);
        network.train();
        WeightedLayers.Backward(network, images, labels);
        double total = 0;
        foreach (var layer in WeightedLayers.Of(network))
            if (WeightedLayers.Weight(layer).grad is { } g) total += g.norm().to(ScalarType.Float64).item<double>();
        return total;
    }
}
