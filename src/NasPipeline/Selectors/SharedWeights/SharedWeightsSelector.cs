using System.Globalization;
using NasPipeline.Data;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Selectors.SharedWeights;

/// <summary>
/// Ranks sampled architectures by their accuracy with the supernet's shared weights (one op per edge, only that op
/// computed) and returns the best, as random search with weight sharing does (Li &amp; Talwalkar, UAI 2019;
/// liamcli/randomNAS_release <c>get_eval_arch</c>): <c>num_samples</c> uniformly sampled architectures are each
/// screened on the next <c>screen_batches</c> batches of a shuffled α half (one stream, so each sees other images),
/// then the <c>top_k</c> best are measured on the whole α half (<c>eval_size</c>) and the best of those returned
/// (the first among equal accuracies). BN as <see cref="SharedWeightsOptions.BatchNorm"/> says.
/// </summary>
public sealed class SharedWeightsSelector(SharedWeightsOptions options) : IArchitectureSelector
{
    public SelectionResult Select(SelectionContext context)
    {
        var supernet = context.Supernet;
        var data = context.Data;
        var half = data.AlphaHalf.Take(options.EvalSize);
        var screening = new Batches(half, data.Normalization, options.BatchSize, shuffle: true, context.Seed);
        using var stream = new BatchStream(screening, "no images to screen on");
        var whole = new Batches(half, data.Normalization, options.BatchSize, shuffle: false, seed: 0);
        var random = new System.Random(context.Seed);
        var screened = new List<(IGenotype Genotype, double Accuracy)>();
        for (var i = 0; i < options.NumSamples; i++)
        {
            context.Stop.ThrowIfRequested(context.Task);
            var genotype = supernet.Space.Random(random);
            var batches = Enumerable.Range(0, options.ScreenBatches).Select(_ => stream.Next()).ToList();
            screened.Add((genotype, Measure(supernet, genotype, data, batches)));
            foreach (var (x, y) in batches) { x.Dispose(); y.Dispose(); }
        }
        var finalists = screened.OrderByDescending(s => s.Accuracy).Take(options.TopK).Select(s =>
        {
            context.Stop.ThrowIfRequested(context.Task);
            return (s.Genotype, Accuracy: Measure(supernet, s.Genotype, data, whole.Epoch()));
        }).ToList();
        var best = finalists.MaxBy(f => f.Accuracy);
        var top = string.Join("; ", finalists.OrderByDescending(f => f.Accuracy).Take(3)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Genotype} {f.Accuracy:P1}")));
        return new SelectionResult(best.Genotype, [string.Create(CultureInfo.InvariantCulture,
            $"shared-weight accuracy ({options.BatchNorm} BN) of the best {finalists.Count} of {options.NumSamples} " +
            $"sampled, screened on {options.ScreenBatches} batch(es) each: {top}")]);
    }

    /// <summary>The accuracy of <paramref name="genotype"/> with the shared weights on the batches.</summary>
    double Measure(ISupernet supernet, IGenotype genotype, SearchData data,
        IEnumerable<(Tensor Images, Tensor Labels)> batches)
    {
        using var scope = NewDisposeScope();
        var mixing = Mixing.OneHot(supernet.Space, genotype.Choices);
        var norms = supernet.Module.modules().OfType<BatchNorm2d>().ToList();
        if (options.BatchNorm == "recalibrate") Recalibrate(supernet, norms, mixing, data);
        supernet.Module.train(options.BatchNorm == "train");
        var mean = new RunningMean();
        using (no_grad())
            foreach (var (x, y) in batches)
            {
                var output = supernet.Forward(x, mixing);
                mean.Add(nn.functional.cross_entropy(output, y), output, y);
            }
        if (options.BatchNorm == "recalibrate") foreach (var bn in norms) bn.momentum = 0.1;
        return mean.Accuracy;
    }

    // Fresh cumulative BN statistics of this architecture alone, then evaluation-mode accuracy.
    void Recalibrate(ISupernet supernet, List<BatchNorm2d> norms, Mixing mixing, SearchData data)
    {
        foreach (var bn in norms) { bn.reset_running_stats(); bn.momentum = null; }
        supernet.Module.train();
        var calibration = new Batches(data.WeightHalf, data.Normalization, options.BatchSize, shuffle: false, seed: 0);
        using (no_grad())
            calibration.ForEach((x, _, index) =>
            {
                if (index < options.RecalibrationBatches) supernet.Forward(x, mixing);
            });
    }
}
