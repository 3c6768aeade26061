using static TorchSharp.torch;

namespace NasPipeline.Proxies;

/// <summary>
/// What a proxy scores: a network, one batch, and optionally a way to build a float64 copy of the network
/// (TorchSharp's Module.to(dtype) replaces parameter objects, so a proxy never converts the caller's network).
/// </summary>
public sealed record ProxyInput(nn.Module<Tensor, Tensor> Network, Tensor Images, Tensor Labels, Func<nn.Module<Tensor, Tensor>>? Float64Copy = null);

/// <summary>
/// A zero-cost proxy: one number for a network from (at most) one batch, without training. As published, bigger
/// means a better network for every proxy here. Proxies run through <see cref="ProxyRunner"/>, which leaves the
/// network exactly as it found it.
/// </summary>
public interface IProxy
{
    string Name { get; }

    /// <summary>False for proxies that ignore the images' content (synflow, zen, params, flops).</summary>
    bool UsesData { get; }

    double Score(ProxyInput input);
}
