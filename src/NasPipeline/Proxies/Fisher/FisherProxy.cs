using static TorchSharp.torch;

namespace NasPipeline.Proxies.Fisher;

/// <summary>
/// Fisher (Theis et al., 2018; Turner et al., 2020, as a zero-cost proxy): for each output channel of every conv
/// and linear layer, ½·mean over the batch of (Σ_spatial activation · ∂L/∂activation)², summed. The activations
/// are the layers' outputs.
/// </summary>
public sealed class FisherProxy : IProxy
{
    public string Name => "fisher";
    public bool UsesData => true;

    public double Score(ProxyInput input)
    {
        var (network, images, labels) = (input.Network, input.Images, input.Labels);
        network.train();
        var activations = new List<Tensor>();
        var removers = WeightedLayers.Of(network).Select(layer => (Action)layer.register_forward_hook((_, _, output) =>
        {
            output.retain_grad();
            activations.Add(output);
            return output;
        }).remove).ToList();
        try { WeightedLayers.Backward(network, images, labels); }
        finally { foreach (var remove in removers) remove(); }

        double total = 0;
        foreach (var a in activations)
        {
            if (a.grad is not { } g) continue;
            var perSample = a.dim() == 4 ? a.mul(g).sum([2, 3]) : a.mul(g); // [N, C]
            total += perSample.pow(2).mean([0]).mul(0.5).sum().to(ScalarType.Float64).item<double>();
        }
        return total;
    }
}
