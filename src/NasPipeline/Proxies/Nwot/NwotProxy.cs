using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Proxies.Nwot;

/// <summary>
/// NASWOT (Mellor et al., ICML 2021): the binary code c = (x &gt; 0) of every ReLU's input per sample;
/// K = Σ_ReLUs [c cᵀ + (1 − c)(1 − c)ᵀ] (Hamming-similarity kernel over the batch); score log|det K|
/// (score_networks.py and scores.py's hooklogdet). Every ReLU that runs counts: on a supernet the ReLUs of a removed
/// op too (its output is multiplied by zero, not skipped), exactly as Zero-Cost-PT's Jocab_Score hooks them; the
/// removal shows in the codes of everything downstream. BN mode: <see cref="NwotOptions"/>.
/// </summary>
public sealed class NwotProxy(NwotOptions options) : IProxy
{
    public NwotProxy() : this(NwotOptions.Default) { }

    public string Name => "nwot";
    public bool UsesData => true;

    public double Score(ProxyInput input)
    {
        var (network, images, labels) = (input.Network, input.Images, input.Labels);
        var n = images.shape[0];
        var kernel = zeros([n, n], ScalarType.Float64);
        var relus = WeightedLayers.AllModules(network).OfType<ReLU>();
        var removers = relus.Select(relu => (Action)relu.register_forward_hook((_, reluInput, output) =>
        {
            var c = reluInput.detach().reshape(n, -1).gt(0).to(ScalarType.Float64);
            var k = c.matmul(c.t()).add(c.neg().add(1).matmul(c.neg().add(1).t()));
            kernel.add_(k);
            return output;
        }).remove).ToList();
        network.train(options.BatchNorm == "train");
        try { using (no_grad()) network.call(images); }
        finally { foreach (var remove in removers) remove(); }
        return linalg.slogdet(kernel).Item2.item<double>();
    }
}
