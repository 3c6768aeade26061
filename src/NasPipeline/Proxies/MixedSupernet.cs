using NasPipeline.SearchSpaces;
using static TorchSharp.torch;

namespace NasPipeline.Proxies;

/// <summary>
/// A supernet frozen at one mixing, seen as an ordinary network (x → logits), so proxies can score it: its forward
/// calls every op module (never a fused path), so hooks on them fire. It does not own the supernet: never
/// dispose it, dispose the supernet.
/// </summary>
public sealed class MixedSupernet : nn.Module<Tensor, Tensor>
{
    readonly ISupernet _supernet;
    readonly Mixing _mixing;

    public MixedSupernet(ISupernet supernet, Mixing mixing) : base(nameof(MixedSupernet))
    {
        _supernet = supernet;
        _mixing = mixing;
        // Registered as a submodule, as the concrete supernet field was, so modules() and hooks reach its ops.
        register_module("supernet", supernet.Module);
    }

    // Proxies hook op modules (fisher's convs, nwot's ReLUs, synflow's and zen's norms): every op module is called.
    public override Tensor forward(Tensor input) => _supernet.Forward(input, _mixing, fuse: false);

    /// <summary>
    /// The proxy input for this network on a batch: a float64 copy for synflow, the ops that do not reach the
    /// output (zero mixing weight, or not the active op) as its unused parts, and the seed of the proxy's own draws.
    /// </summary>
    public ProxyInput Input(Tensor images, Tensor labels, long? seed = null) => new(this, images, labels, () =>
        new MixedSupernet(_supernet.Float64Copy(),
            _mixing.Map(c => c with { Weights = c.Weights.to(ScalarType.Float64) })),
        UnusedOperations(), seed);

    /// <summary>The operations of every cell whose mixing weight is exactly zero or that the mixing skips.</summary>
    public IReadOnlyList<nn.Module> UnusedOperations()
    {
        using var _ = NewDisposeScope();
        var unused = new List<nn.Module>();
        for (var cellType = 0; cellType < _mixing.Cells.Count; cellType++)
        {
            var mixing = _mixing[cellType];
            var weights = mixing.Weights.detach().to(ScalarType.Float64).cpu();
            for (var edge = 0; edge < weights.shape[0]; edge++)
                for (var op = 0; op < weights.shape[1]; op++)
                    if (weights[edge, op].item<double>() == 0 || (mixing.Active is { } active && active[edge] != op))
                        unused.AddRange(_supernet.Operations(cellType, edge, op));
        }
        return unused;
    }
}
