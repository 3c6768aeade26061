using static TorchSharp.torch;

namespace NasPipeline.Proxies;

/// <summary>
/// What a proxy scores: a network, one batch, and optionally a way to build a float64 copy of the network
/// (TorchSharp's Module.to(dtype) replaces parameter objects, so a proxy never converts the caller's network).
/// </summary>
/// <param name="Network">The network scored.</param>
/// <param name="Images">One batch of images.</param>
/// <param name="Labels">Their labels (proxies that need no labels ignore them).</param>
/// <param name="Float64Copy">
/// A float64 copy of the network, for proxies whose sums overflow float32 (synflow), or null.
/// </param>
/// <param name="Unused">
/// Parts of <paramref name="Network"/> that do not reach its output: on a supernet, the operations whose mixing
/// weight is exactly zero (a removed op, the other ops of a decided edge). As in the references they still run
/// (their output is multiplied by zero), so proxies built on gradients or outputs see a removal by themselves;
/// proxies that count structure (params, flops, zen's BN layers) leave these parts out.
/// </param>
/// <param name="Seed">
/// The seed of the draws a proxy makes itself (zen's random weights and inputs): two inputs with the same seed are
/// scored under the same draw. Null: the proxy takes a seed from the global generator.
/// </param>
public sealed record ProxyInput(
    nn.Module<Tensor, Tensor> Network, Tensor Images, Tensor Labels,
    Func<nn.Module<Tensor, Tensor>>? Float64Copy = null, IReadOnlyList<nn.Module>? Unused = null, long? Seed = null)
{
    /// <summary>Every module inside <see cref="Unused"/> (by reference), the unused parts included.</summary>
    public IReadOnlySet<nn.Module> UnusedModules() =>
        (Unused ?? []).SelectMany(WeightedLayers.AllModules).ToHashSet<nn.Module>(ReferenceEqualityComparer.Instance);

    /// <summary><see cref="Seed"/>, or a fresh one from the global generator (seeded by the caller).</summary>
    public long DrawSeed() => Seed ?? randint(0, int.MaxValue, [1], dtype: ScalarType.Int64).item<long>();
}

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
