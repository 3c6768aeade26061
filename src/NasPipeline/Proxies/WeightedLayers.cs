using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Proxies;

/// <summary>
/// The layers proxies score: convolutions and linear layers, as the zero-cost reference implementation does.
/// </summary>
public static class WeightedLayers
{
    public static IReadOnlyList<nn.Module<Tensor, Tensor>> Of(nn.Module network) =>
        AllModules(network).Where(m => m is Conv2d or Linear).Cast<nn.Module<Tensor, Tensor>>().ToList();

    /// <summary>The network and all its descendants (TorchSharp's modules() leaves out the module itself).</summary>
    public static IEnumerable<nn.Module> AllModules(nn.Module network) => network.modules().Prepend(network);

    public static Tensor Weight(nn.Module<Tensor, Tensor> layer) => layer switch
    {
        Conv2d conv => conv.weight!,
        Linear linear => linear.weight!,
        _ => throw new ArgumentException($"{layer.GetName()} is not a weighted layer"),
    };

    /// <summary>
    /// Σ over layers of f(W, ∂L/∂W) for gradients already computed; layers without a gradient (unused ops) give 0.
    /// </summary>
    public static double SumOverWeights(nn.Module network, Func<Tensor, Tensor, Tensor> perWeight)
    {
        double total = 0;
        foreach (var layer in Of(network))
        {
            var w = Weight(layer);
            if (w.grad is { } g) total += perWeight(w.detach(), g).sum().to(ScalarType.Float64).item<double>();
        }
        return total;
    }

    /// <summary>Cross-entropy loss of the network on the batch, with gradients of every parameter computed.</summary>
    public static Tensor Backward(nn.Module<Tensor, Tensor> network, Tensor images, Tensor labels)
    {
        network.zero_grad();
        var loss = nn.functional.cross_entropy(network.call(images), labels);
        loss.backward();
        return loss;
    }
}
