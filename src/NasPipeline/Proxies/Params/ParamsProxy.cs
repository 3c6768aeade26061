using static TorchSharp.torch;

namespace NasPipeline.Proxies.Params;

/// <summary>
/// Number of trainable parameters (data-free), leaving out the input's unused parts: on a supernet only the ops
/// with a non-zero mixing weight count, so removing an op changes the score (and projection by params keeps the
/// largest op on every edge, a "largest op" baseline).
/// </summary>
public sealed class ParamsProxy : IProxy
{
    public string Name => "params";
    public bool UsesData => false;

    public double Score(ProxyInput input)
    {
        var unused = input.UnusedModules().SelectMany(m => m.parameters()).Select(p => p.Handle).ToHashSet();
        return input.Network.parameters().Where(p => p.requires_grad && !unused.Contains(p.Handle))
            .Sum(p => (double)p.numel());
    }
}
