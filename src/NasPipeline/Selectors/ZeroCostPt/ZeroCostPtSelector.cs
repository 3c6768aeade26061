using System.Globalization;
using NasPipeline.Proxies;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Selectors.ZeroCost;
using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Selectors.ZeroCostPt;

/// <summary>
/// Zero-Cost-PT on an untrained supernet (same shape, seeded): <c>pool_size</c> edge-by-edge passes in random
/// order, each deciding every edge by the proxy with one op masked at a time (one batch per pass); then every
/// distinct candidate is scored by the proxy summed over <c>validate_batches</c> batches, and the best returned.
/// It never reads the trained supernet: the trainer does not matter to it by design.
/// </summary>
public sealed class ZeroCostPtSelector(ZeroCostPtOptions options) : IArchitectureSelector
{
    public SelectionReads Reads => SelectionReads.Data;

    public SelectionResult Select(SelectionContext context)
    {
        var proxy = ProxyCatalog.Create(options.Proxy);
        using var supernet = context.NewUntrainedSupernet();
        using var start = supernet.SoftmaxWeights().detach();
        var candidates = new List<Genotype>();
        for (var pass = 0; pass < options.PoolSize; pass++)
        {
            context.Stop.ThrowIfRequested(context.Task);
            var (images, labels) = SelectionBatches.AlphaBatch(context.Data, options.BatchSize, pass);
            var order = EdgeProjection.Order("random", context.Seed * 1000 + pass);
            var picks = ZeroCostSelector.Project(proxy, supernet, start, order, options.ExcludeNone, images, labels);
            var genotype = Genotype.FromIndices(picks);
            if (!candidates.Contains(genotype)) candidates.Add(genotype);
        }

        var scored = candidates.Select(g => (Genotype: g, Score: Enumerable.Range(0, options.ValidateBatches).Sum(b =>
        {
            var (images, labels) = SelectionBatches.AlphaBatch(context.Data, options.BatchSize, options.PoolSize + b);
            return ProxyRunner.Score(proxy, new MixedSupernet(supernet, Mixing.OneHot(g.Indices)).Input(images, labels));
        }))).OrderByDescending(c => c.Score).ToList();
        return new SelectionResult(scored[0].Genotype,
            [string.Create(CultureInfo.InvariantCulture, $"{proxy.Name} on an untrained supernet: {candidates.Count} distinct candidate(s) from {options.PoolSize} passes; best {scored[0].Score:G6}")]);
    }
}
