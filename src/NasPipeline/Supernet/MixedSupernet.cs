using NasPipeline.Proxies;
using static TorchSharp.torch;

namespace NasPipeline.Supernet;

/// <summary>
/// A supernet frozen at one mixing, seen as an ordinary network (x → logits), so proxies can score it. It does not
/// own the supernet: never dispose it, dispose the supernet.
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

    public override Tensor forward(Tensor input) => supernet.Forward(input, _mixing);

    /// <summary>The proxy input for this network on a batch, with a float64 copy for synflow.</summary>
    public ProxyInput Input(Tensor images, Tensor labels) => new(this, images, labels, () =>
        new MixedSupernet(supernet.Float64Copy(), _mixing with { Weights = _mixing.Weights.to(ScalarType.Float64) }));
}
