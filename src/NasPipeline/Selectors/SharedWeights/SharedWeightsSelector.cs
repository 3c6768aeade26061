using System.Globalization;
using NasPipeline.Data;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Selectors.SharedWeights;

/// <summary>
/// Ranks sampled architectures by their accuracy with the supernet's shared weights (one op per edge, only that op
/// computed) on α-half images and returns the best (Bender et al.; Li &amp; Talwalkar). BN either uses batch
/// statistics (<c>train</c>) or is recalibrated per architecture on weight-half batches, then evaluated (<c>recalibrate</c>).
/// </summary>
public sealed class SharedWeightsSelector(SharedWeightsOptions options) : IArchitectureSelector
{
    public SelectionResult Select(SelectionContext context)
    {
        var supernet = context.Supernet;
        var images = SupernetScore.AlphaHalf(context.Data, options.EvalSize, options.BatchSize);
        var random = new System.Random(context.Seed);
        var scored = new List<(Genotype Genotype, double Accuracy)>();
        for (var i = 0; i < options.NumSamples; i++)
        {
            context.Stop.ThrowIfRequested(context.Task);
            var genotype = Genotype.Random(random);
            using var scope = NewDisposeScope();
            var mixing = Mixing.OneHot(genotype.Indices);
            var accuracy = options.BatchNorm == "recalibrate"
                ? Recalibrated(supernet, mixing, context.Data, images)
                : SupernetScore.Of(supernet, mixing, images).Accuracy;
            scored.Add((genotype, accuracy));
        }
        var ranked = scored.OrderByDescending(s => s.Accuracy).ToList();
        var top = string.Join("; ", ranked.Take(3).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Genotype} {s.Accuracy:P1}")));
        return new SelectionResult(ranked[0].Genotype, [$"shared-weight accuracy of the best of {options.NumSamples} sampled: {top}"]);
    }

    double Recalibrated(Nb201Supernet supernet, Mixing mixing, SearchData data, Batches images)
    {
        // Fresh cumulative BN statistics of this architecture alone, then evaluation-mode accuracy.
        var norms = supernet.modules().OfType<BatchNorm2d>().ToList();
        foreach (var bn in norms) { bn.reset_running_stats(); bn.momentum = null; }
        supernet.train();
        var calibration = new Batches(data.WeightHalf, data.Normalization, options.BatchSize, shuffle: false, seed: 0);
        using (no_grad())
            calibration.ForEach((x, _, index) => { if (index < options.RecalibrationBatches) supernet.Forward(x, mixing); });
        var accuracy = SupernetScore.Of(supernet, mixing, images, batchStatistics: false).Accuracy;
        foreach (var bn in norms) bn.momentum = 0.1;
        return accuracy;
    }
}
