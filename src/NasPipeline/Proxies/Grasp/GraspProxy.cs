using static TorchSharp.torch;

namespace NasPipeline.Proxies.Grasp;

/// <summary>
/// GraSP (Wang et al., 2020) at initialisation: g = ∇L (detached), Hg = ∇(Σ g·∇L) by a second backward, score
/// Σ(−θ ⊙ Hg) over conv and linear weights.
/// </summary>
public sealed class GraspProxy : IProxy
{
    public string Name => "grasp";
    public bool UsesData => true;

    public double Score(ProxyInput input)
    {
        var (network, images, labels) = (input.Network, input.Images, input.Labels);
        network.train();
        var weights = WeightedLayers.Of(network).Select(WeightedLayers.Weight).Cast<Tensor>().ToList();
        // libtorch aborts the process (not an exception) on autograd.grad with no inputs.
        if (weights.Count == 0) throw new InvalidOperationException("grasp needs at least one conv or linear layer");
        var loss = nn.functional.cross_entropy(network.call(images), labels);
        var g = autograd.grad([loss], weights, allow_unused: true)
            .Select((t, i) => Valid(t, weights[i]).detach()).ToList();
        var loss2 = nn.functional.cross_entropy(network.call(images), labels);
        var grads = autograd.grad([loss2], weights, retain_graph: true, create_graph: true, allow_unused: true);
        Tensor z = zeros(1, dtype: ScalarType.Float64);
        for (var i = 0; i < weights.Count; i++)
            if (grads[i] is { } gi && !gi.IsInvalid) z = z.add(gi.mul(g[i]).sum().to(ScalarType.Float64));
        var hg = autograd.grad([z.sum()], weights, allow_unused: true);
        double total = 0;
        for (var i = 0; i < weights.Count; i++)
            total += weights[i].detach().neg().mul(Valid(hg[i], weights[i])).sum()
                .to(ScalarType.Float64).item<double>();
        return total;
    }

    static Tensor Valid(Tensor? t, Tensor like) => t is not null && !t.IsInvalid ? t : zeros_like(like);
}
