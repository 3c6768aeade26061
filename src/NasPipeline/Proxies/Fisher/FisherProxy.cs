using static TorchSharp.torch;

namespace NasPipeline.Proxies.Fisher;

/// <summary>
/// Fisher (Theis et al., 2018; Turner et al., 2020, as a zero-cost proxy): for each output channel c of every conv
/// and linear layer, F_c = ½·mean over the batch of (Σ_spatial activation · ∂L/∂activation)², the activations
/// being the layers' outputs. As zero-cost-nas's fisher.py does, F_c is broadcast to every weight of its channel
/// before the sum, so a layer counts Σ_c F_c × (weights per output channel: C_in·k·k, or in_features).
/// </summary>
public sealed class FisherProxy : IProxy
{
    public string Name => "fisher";
    public bool UsesData => true;

    public double Score(ProxyInput input)
    {
        var (network, images, labels) = (input.Network, input.Images, input.Labels);
        network.train();
        var activations = new List<(Tensor Output, long FanIn)>();
        Tensor Keep(nn.Module<Tensor, Tensor> layer, Tensor output)
        {
            output.retain_grad();
            var w = WeightedLayers.Weight(layer);
            activations.Add((output, w.numel() / w.shape[0]));
            return output;
        }
        var removers = WeightedLayers.Of(network)
            .Select(layer => (Action)layer.register_forward_hook((module, _, output) => Keep(module, output)).remove)
            .ToList();
        try { WeightedLayers.Backward(network, images, labels); }
        finally { foreach (var remove in removers) remove(); }

        double total = 0;
        foreach (var (a, fanIn) in activations)
        {
            if (a.grad is not { } g) continue;
            var perSample = a.dim() == 4 ? a.mul(g).sum([2, 3]) : a.mul(g); // [N, C]
            var perChannel = perSample.pow(2).mean([0]).mul(0.5);
            total += perChannel.sum().to(ScalarType.Float64).item<double>() * fanIn;
        }
        return total;
    }
}
