using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Proxies.Flops;

/// <summary>
/// Multiply-accumulates of the convolutions and linear layers for one input image (data-free: the shape is all it
/// reads), counted from the layers' actual output sizes.
/// </summary>
public sealed class FlopsProxy : IProxy
{
    public string Name => "flops";
    public bool UsesData => false;

    public double Score(ProxyInput input)
    {
        var (network, images, labels) = (input.Network, input.Images, input.Labels);
        double macs = 0;
        var removers = new List<Action>();
        foreach (var layer in WeightedLayers.Of(network))
        {
            var hook = layer.register_forward_hook((module, input, output) =>
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
        using (no_grad()) network.call(images[..1]);
        foreach (var remove in removers) remove();
        return macs;
    }
}
