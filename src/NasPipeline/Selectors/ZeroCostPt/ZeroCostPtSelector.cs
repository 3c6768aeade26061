using System.Globalization;
using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Proxies;
using NasPipeline.Proxies.Nwot;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Selectors.ZeroCostPt;

/// <summary>
/// Zero-Cost-PT (Xiang et al., AAAI 2023; visionbasicagent/zerocost_operation_score <c>nasbench201/
/// networks_proposal.py</c>, <c>init_projection.pt_project</c> and <c>zerocostnas/post_validate.py</c>) on an
/// untrained supernet: <c>pool_size</c> edge-by-edge passes, each deciding every edge by the proxy with one op
/// masked at a time on a fresh random weight-half batch per edge decision (<c>next(iter(train_queue))</c>), the op
/// whose removal leaves the lowest score kept (the first among equal scores, <c>nanargmin</c>). Every distinct
/// candidate is then built as a freshly initialised network of its own and scored by the proxy summed over
/// <c>validate_batches</c> batches of the first <c>validate_batches · batch_size</c> weight-half images, reshuffled
/// for each candidate; the best is returned. In a space with choice nodes (DARTS;
/// <c>sota/cnn/networks_proposal.py</c> and <c>init_projection.py</c>) each pass goes in rounds on one fresh batch
/// each: an edge of every cell type, normal first, until every edge has its op, then a seeded random node per cell
/// type, dropping the inputs whose removal leaves the highest score (the last on ties) until it keeps two; the
/// candidate is the space's rule (DARTS's <c>genotype()</c>) over the projected weights. NASWOT runs with BN in
/// evaluation mode, as the reference's scorers do. It never reads the trained supernet: the trainer does not matter
/// to it by design.
/// </summary>
public sealed class ZeroCostPtSelector(ZeroCostPtOptions options) : IArchitectureSelector
{
    public SelectionReads Reads => SelectionReads.Data;

    public SelectionResult Select(SelectionContext context)
    {
        var proxy = ProxyCatalog.Create(options.Proxy);
        var data = context.Data;
        List<IGenotype> candidates;
        ISearchSpace space;
        using (var supernet = context.NewUntrainedSupernet())
        {
            space = supernet.Space;
            candidates = Propose(proxy, supernet, options, context.Seed, data, context.Stop, context.Task);
        }
        var validation = new Batches(data.WeightHalf.Take(options.ValidateBatches * options.BatchSize),
            data.Normalization, options.BatchSize, shuffle: true, context.Seed + 1);
        var scored = candidates.Select((genotype, index) =>
        {
            context.Stop.ThrowIfRequested(context.Task);
            using var network = context.NewUntrainedSupernet(draw: index + 1);
            var score = 0.0;
            validation.ForEach((images, labels, _) =>
                score += Score(proxy, network, Mixing.OneHot(network.Space, genotype.Choices), images, labels));
            return (Genotype: genotype, Score: score);
        }).ToList();
        var best = scored.MaxBy(c => c.Score); // the first of equal scores, as nanargmax
        return new SelectionResult(best.Genotype, [
            string.Create(CultureInfo.InvariantCulture,
                $"{proxy.Name} on untrained networks: {candidates.Count} distinct candidate(s) from " +
                $"{options.PoolSize} passes; best {best.Score:G6} over {validation.Count} batch(es)"),
            .. EdgeProjection.Notes(space, best.Genotype.Choices.SelectMany(c => c).ToArray(), best.Genotype),
        ]);
    }

    /// <summary>
    /// The distinct architectures of <c>pool_size</c> projection passes over the untrained
    /// <paramref name="supernet"/>, in the order first found, on random weight-half batches (one per round: per
    /// edge decision in NB201; the normal and reduction cells' decisions of a DARTS round share one, as the
    /// reference's <c>pt_project</c> takes one batch per step).
    /// </summary>
    public static List<IGenotype> Propose(IProxy proxy, ISupernet supernet, ZeroCostPtOptions options, int seed,
        SearchData data, StopSignal? stop = null, string task = "zc-pt")
    {
        var space = supernet.Space;
        using var start = space.Stack(supernet.SoftmaxWeights()).detach();
        var proposal = new Batches(data.WeightHalf, data.Normalization, options.BatchSize, shuffle: true, seed);
        using var batches = new BatchStream(proposal, "no images to batch");
        var candidates = new List<IGenotype>();
        for (var pass = 0; pass < options.PoolSize; pass++)
        {
            stop?.ThrowIfRequested(task);
            var plan = ProjectionPlan.Of(space, options.EdgeOrder, seed * 1000 + pass);
            var batch = batches.Next();
            try
            {
                var picks = EdgeProjection.Run(space, start, plan, options.ExcludeNone,
                    masked => Score(proxy, supernet, Mixing.Of(space.Split(masked)), batch.Images, batch.Labels),
                    decided =>
                    {
                        batch.Images.Dispose();
                        batch.Labels.Dispose();
                        batch = batches.Next();
                        return decided.Current;
                    }, tiesByWeight: false);
                var genotype = EdgeProjection.Genotype(space, picks, options.ExcludeNone);
                if (!candidates.Contains(genotype)) candidates.Add(genotype);
            }
            finally
            {
                batch.Images.Dispose();
                batch.Labels.Dispose();
            }
        }
        return candidates;
    }

    static readonly NwotProxy NwotInEvaluationMode = new(new NwotOptions("eval"));

    /// <summary>The proxy's score of <paramref name="network"/> under <paramref name="mixing"/> on one batch.</summary>
    public static double Score(IProxy proxy, ISupernet network, Mixing mixing, Tensor images, Tensor labels)
    {
        // Zero-Cost-PT's own criterion (its "jacob", NASWOT) runs the network in evaluation mode (op_score.Jocab_Score
        // and Scorers.Jocab_Scorer call model.eval()): NWOT's batch_norm = "eval". Other proxies run as foresight's
        // find_measures runs them, which is how our proxies run.
        var scorer = proxy.Name == "nwot" ? NwotInEvaluationMode : proxy;
        return ProxyRunner.Score(scorer, new MixedSupernet(network, mixing).Input(images, labels));
    }
}
