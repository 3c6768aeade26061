using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Proxies.Flops;

/// <summary>
/// Multiply-accumulates of the convolutions and linear layers for one input image (data-free: the shape is all it
/// reads), counted from the layers' actual output sizes. Layers in the input's unused parts (ops with a zero
/// mixing weight) are not counted, so removing an op changes the score.
/// </summary>
public sealed class FlopsProxy : IProxy
{
    public string Name => "flops";
    public bool UsesData => false;

    public double Score(ProxyInput input)
    {
        var (network, images) = (input.Network, input.Images);
        var unused = input.UnusedModules();
        double macs = 0;
        var removers = new List<Action>();
        foreach (var layer in WeightedLayers.Of(network).Where(l => !unused.Contains(l)))
        {
            var hook = layer.register_forward_hook((module, _, output) =>
            {
                var w = WeightedLayers.Weight(module);
                macs += module switch
                {
                    Conv2d => output[0].numel() * (w.numel() / w.shape[0]),
                    _ => w.numel(),
                };
                return output;
            });
            removers.Add(hook.remove);
        }
        network.eval();
        try { using (no_grad()) network.call(images[..1]); }
        finally { foreach (var remove in removers) remove(); }
        return macs;
    }
}
