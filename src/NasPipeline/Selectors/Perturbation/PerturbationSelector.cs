using System.Globalization;
using NasPipeline.Data;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Selectors.Perturbation;

/// <summary>
/// Perturbation-based selection (Wang et al., ICLR 2021, "Rethinking Architecture Selection in Differentiable
/// NAS"): edges in a seeded random order; on each, every op is removed in turn and the supernet's α-half accuracy
/// (or loss) measured; the op whose removal hurts most is kept; the edge is fixed one-hot and the supernet's
/// weights are fine-tuned for <c>tune_epochs_between</c> epochs at the training lr × <c>tune_lr_factor</c> before the
/// next decision. α is held fixed while tuning.
/// </summary>
public sealed class PerturbationSelector(PerturbationOptions options) : IArchitectureSelector
{
    public SelectionResult Select(SelectionContext context)
    {
        var supernet = context.Supernet;
        var images = SupernetScore.AlphaHalf(context.Data, options.EvalSize, options.BatchSize);
        var tuning = new Batches(context.Data.WeightHalf.Take(options.TuneImages), context.Data.Normalization, context.Training.BatchSize, shuffle: true, context.Seed);
        var order = EdgeProjection.Order(options.EdgeOrder, context.Seed);
        using var weights = tensor(context.MixingWeights.SelectMany(r => r).Select(v => (float)v).ToArray(), [Nb201Space.EdgeCount, Nb201Space.OperationCount]);
        var decisions = 0;

        double ScoreWithout(Tensor masked)
        {
            var (loss, accuracy) = SupernetScore.Of(supernet, new Mixing(masked), images);
            return options.Criterion == "acc" ? accuracy : -loss; // keep the op whose removal lowers accuracy / raises loss most
        }

        void Tune(int edge, Tensor projected)
        {
            if (++decisions < Nb201Space.EdgeCount)
                FixedMixingTraining.Run(supernet, new Mixing(projected.clone()), tuning, options.TuneEpochsBetween,
                    context.Training.LearningRate * options.TuneLearningRateFactor, context.Training);
        }

        var picks = EdgeProjection.Run(weights, order, options.ExcludeNone, ScoreWithout, Tune);
        return new SelectionResult(Genotype.FromIndices(picks),
            [string.Create(CultureInfo.InvariantCulture, $"pt ({options.Criterion}) decided edges in order {string.Join(",", order)}, tuning {options.TuneEpochsBetween} epoch(s) between decisions")]);
    }
}
