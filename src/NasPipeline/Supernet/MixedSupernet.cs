using NasPipeline.Proxies;
using static TorchSharp.torch;

namespace NasPipeline.Supernet;

/// <summary>
/// A supernet frozen at one mixing, seen as an ordinary network (x → logits), so proxies can score it: its forward
/// calls every op module (never the fused cells), so hooks on them fire. It does not own the supernet: never
/// dispose it, dispose the supernet.
/// </summary>
public sealed class MixedSupernet : nn.Module<Tensor, Tensor>
{
    readonly Nb201Supernet supernet;
    readonly Mixing _mixing;

    public MixedSupernet(Nb201Supernet supernet, Mixing mixing) : base(nameof(MixedSupernet))
    {
        this.supernet = supernet;
        _mixing = mixing;
        RegisterComponents();
    }

    // Proxies hook op modules (fisher's convs, nwot's ReLUs, synflow's and zen's norms): every op module is called.
    public override Tensor forward(Tensor input) => supernet.Forward(input, _mixing, fuse: false);

    /// <summary>
    /// The proxy input for this network on a batch: a float64 copy for synflow, the ops that do not reach the
    /// output (zero mixing weight, or not the active op) as its unused parts, and the seed of the proxy's own draws.
    /// </summary>
    public ProxyInput Input(Tensor images, Tensor labels, long? seed = null) => new(this, images, labels, () =>
        new MixedSupernet(supernet.Float64Copy(), _mixing with { Weights = _mixing.Weights.to(ScalarType.Float64) }),
        UnusedOperations(), seed);

    /// <summary>The operations of every cell whose mixing weight is exactly zero or that the mixing skips.</summary>
    public IReadOnlyList<nn.Module> UnusedOperations()
    {
        using var _ = NewDisposeScope();
        var weights = _mixing.Weights.detach().to(ScalarType.Float64).cpu();
        var unused = new List<nn.Module>();
        foreach (var cell in supernet.Cells)
            for (var edge = 0; edge < cell.Edges.Count; edge++)
            {
                var operations = cell.Edges[edge].Operations;
                for (var op = 0; op < operations.Count; op++)
                    if (weights[edge, op].item<double>() == 0 || (_mixing.Active is { } active && active[edge] != op))
                        unused.Add((nn.Module)operations[op]);
            }
        return unused;
    }
}
