using System.Globalization;
using NasPipeline.Proxies;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Selectors.ZeroCost;

/// <summary>
/// <c>zc-&lt;proxy&gt;</c>: the trained supernet's ops scored by a zero-cost proxy, edge by edge, as Zero-Cost-PT's
/// projection (and DARTS-PT's, with a proxy for accuracy) does: each op is removed in turn (its mixing weight
/// zeroed, the others left as they are, decided edges one-hot) and the proxy computed on the supernet on one α-half
/// batch; the op whose removal lowers the score most is kept. In a space with choice nodes (DARTS) the rounds and
/// the topology phase are Zero-Cost-PT's (<c>sota/cnn/init_projection.py</c> <c>pt_project</c>): an edge of each
/// cell type per round, then a seeded random node per cell type per round, dropping the inputs whose removal
/// leaves the highest score until it keeps two (<see cref="EdgeProjection"/>), all on the one batch, no tuning; the
/// genotype is the space's rule over the projected weights. Removed ops still run, multiplied by zero, as in the
/// references; structural proxies (params, flops, zen's BN terms) leave them out. A candidate that scores NaN is
/// skipped and noted (the reference's nanargmin).
/// </summary>
public sealed class ZeroCostSelector(ZeroCostOptions options) : IArchitectureSelector
{
    public SelectionResult Select(SelectionContext context)
    {
        var proxy = ProxyCatalog.Create(options.Proxy, options.ProxyOptions);
        var supernet = context.Supernet;
        var (images, labels) = SelectionBatches.AlphaBatch(context.Data, options.BatchSize, 0);
        using var weights = SelectionBatches.Weights(context.MixingWeights);
        var space = supernet.Space;
        var plan = ProjectionPlan.Of(space, options.EdgeOrder, context.Seed);
        var notes = new List<string>();
        var picks = Project(
            proxy, supernet, weights, plan, options.ExcludeNone, images, labels, notes.Add, context.Seed);
        var genotype = EdgeProjection.Genotype(space, picks, options.ExcludeNone);
        return new SelectionResult(genotype,
        [
            string.Create(CultureInfo.InvariantCulture,
                $"{proxy.Name} on the trained supernet, {plan.Describe(space)}, batch {images.shape[0]}"),
            .. EdgeProjection.Notes(space, picks, genotype),
            .. notes,
        ]);
    }

    /// <summary>
    /// <see cref="Project(IProxy, ISupernet, Tensor, ProjectionPlan, bool, Tensor, Tensor, Action{string}?, long?)"/>
    /// deciding edges in <paramref name="order"/> (stacked edges).
    /// </summary>
    public static int[] Project(IProxy proxy, ISupernet supernet, Tensor weights, IReadOnlyList<int> order,
        bool excludeNone, Tensor images, Tensor labels, Action<string>? note = null, long? seed = null) =>
        Project(proxy, supernet, weights, ProjectionPlan.Of(supernet.Space, order), excludeNone, images, labels,
            note, seed);

    /// <summary>
    /// Edge-by-edge projection of <paramref name="supernet"/> scored by <paramref name="proxy"/> on one batch.
    /// Every candidate is scored with the same <paramref name="seed"/> (null: one drawn from the global generator
    /// for this projection), so a proxy that draws its own network and inputs (zen) compares candidates under the
    /// same draw. <paramref name="note"/> hears of non-finite scores.
    /// </summary>
    public static int[] Project(IProxy proxy, ISupernet supernet, Tensor weights, ProjectionPlan plan,
        bool excludeNone, Tensor images, Tensor labels, Action<string>? note = null, long? seed = null)
    {
        var draw = seed ?? randint(0, int.MaxValue, [1], dtype: ScalarType.Int64).item<long>();
        return EdgeProjection.Run(supernet.Space, weights, plan, excludeNone,
            masked => ProxyRunner.Measure(proxy,
                new MixedSupernet(supernet, Mixing.Of(supernet.Space.Split(masked))).Input(images, labels, draw)),
            note: note, criterion: $"proxy {proxy.Name}");
    }
}
