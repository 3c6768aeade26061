using System.Globalization;
using NasPipeline.Proxies;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Selectors.ZeroCost;

/// <summary>
/// <c>zc-&lt;proxy&gt;</c>: the trained supernet's ops scored by a zero-cost proxy, edge by edge: each op is removed in
/// turn (decided edges one-hot) and the proxy computed on the supernet on one α-half batch; the op whose removal
/// lowers the score most is kept.
/// </summary>
public sealed class ZeroCostSelector(ZeroCostOptions options) : IArchitectureSelector
{
    public SelectionResult Select(SelectionContext context)
    {
        var proxy = ProxyCatalog.Create(options.Proxy);
        var supernet = context.Supernet;
        var (images, labels) = SelectionBatches.AlphaBatch(context.Data, options.BatchSize, 0);
        using var weights = SelectionBatches.Weights(context.MixingWeights);
        var order = EdgeProjection.Order(options.EdgeOrder, context.Seed);
        var picks = Project(proxy, supernet, weights, order, options.ExcludeNone, images, labels);
        return new SelectionResult(Genotype.FromIndices(picks),
            [string.Create(CultureInfo.InvariantCulture, $"{proxy.Name} on the trained supernet, edges in order {string.Join(",", order)}, batch {images.shape[0]}")]);
    }

    /// <summary>Edge-by-edge projection of <paramref name="supernet"/> scored by <paramref name="proxy"/> on one batch.</summary>
    public static int[] Project(IProxy proxy, Nb201Supernet supernet, Tensor weights, IReadOnlyList<int> order, bool excludeNone, Tensor images, Tensor labels) =>
        EdgeProjection.Run(weights, order, excludeNone,
            masked => ProxyRunner.Score(proxy, new MixedSupernet(supernet, new Mixing(masked)).Input(images, labels)));
}
