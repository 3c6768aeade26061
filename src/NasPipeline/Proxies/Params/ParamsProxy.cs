using static TorchSharp.torch;

namespace NasPipeline.Proxies.Params;

/// <summary>Number of trainable parameters (data-free).</summary>
public sealed class ParamsProxy : IProxy
{
    public string Name => "params";
    public bool UsesData => false;

    public double Score(ProxyInput input) =>
        input.Network.parameters().Where(p => p.requires_grad).Sum(p => (double)p.numel());
}
