using static TorchSharp.torch;

namespace NasPipeline.Proxies;

/// <summary>
/// A snapshot of everything a proxy may disturb: parameters and buffers (BN statistics) bit for bit, gradients,
/// and training mode; <see cref="Dispose"/> puts them back.
/// </summary>
public sealed class NetworkState : IDisposable
{
    readonly nn.Module _network;
    readonly List<(Tensor Live, Tensor Copy)> _tensors;
    readonly List<(TorchSharp.Modules.Parameter Parameter, Tensor? Grad, bool RequiresGrad)> _grads;
    readonly bool _training;

    public NetworkState(nn.Module network)
    {
        _network = network;
        _training = network.training;
        using var _ = no_grad();
        _tensors = network.parameters().Cast<Tensor>().Concat(network.buffers())
            .Select(t => (t, t.detach().clone().DetachFromDisposeScope())).ToList();
        _grads = network.parameters()
            .Select(p => (p, p.grad?.detach().clone().DetachFromDisposeScope(), p.requires_grad)).ToList();
    }

    public void Dispose()
    {
        using (no_grad())
            foreach (var (live, copy) in _tensors)
            {
                live.copy_(copy);
                copy.Dispose();
            }
        foreach (var (parameter, grad, requiresGrad) in _grads)
        {
            parameter.grad = grad;
            parameter.requires_grad = requiresGrad;
        }
        _network.train(_training);
    }
}
