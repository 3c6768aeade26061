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
/// supernet is fine-tuned for <c>tune_epochs_between</c> epochs (weights at the training lr × <c>tune_lr_factor</c>,
/// and α by first-order DARTS steps when the trainer learned α) before the next decision; undecided edges then mix
/// by the tuned softmax(α).
/// </summary>
public sealed class PerturbationSelector(PerturbationOptions options) : IArchitectureSelector
{
    public SelectionResult Select(SelectionContext context)
    {
        var supernet = context.Supernet;
        var images = SupernetScore.AlphaHalf(context.Data, options.EvalSize, options.BatchSize);
        var tuning = new Batches(context.Data.WeightHalf.Take(options.TuneImages), context.Data.Normalization, context.Training.BatchSize, shuffle: true, context.Seed);
        var alphaTuning = new Batches(context.Data.AlphaHalf.Take(options.TuneImages), context.Data.Normalization, context.Training.BatchSize, shuffle: true, context.Seed + 1);
        var order = EdgeProjection.Order(options.EdgeOrder, context.Seed);
        using var weights = SelectionBatches.Weights(context.MixingWeights);
        var decisions = 0;

        double ScoreWithout(Tensor masked)
        {
            var (loss, accuracy) = SupernetScore.Of(supernet, new Mixing(masked), images);
            return options.Criterion == "acc" ? accuracy : -loss; // keep the op whose removal lowers accuracy / raises loss most
        }

        Tensor Tune(bool[] decided, Tensor projected) =>
            ++decisions < Nb201Space.EdgeCount
                ? ProjectedTuning.Run(supernet, decided, projected, context.Alpha, tuning, alphaTuning, options.TuneEpochsBetween,
                    context.Training.LearningRate * options.TuneLearningRateFactor, context.Training)
                : projected;

        var picks = EdgeProjection.Run(weights, order, options.ExcludeNone, ScoreWithout, Tune);
        return new SelectionResult(Genotype.FromIndices(picks),
            [string.Create(CultureInfo.InvariantCulture, $"pt ({options.Criterion}) decided edges in order {string.Join(",", order)}, tuning {options.TuneEpochsBetween} epoch(s) between decisions")]);
    }
}
