using System.Globalization;
using NasPipeline.Checkpoints;
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
/// by the tuned softmax(α). With a work folder it checkpoints after each decision and each tuning epoch (and at a
/// tuning step when asked to stop); a stop while an edge is scored loses only that edge's scores.
/// </summary>
public sealed class PerturbationSelector(PerturbationOptions options) : IArchitectureSelector
{
    public SelectionResult Select(SelectionContext context)
    {
        var supernet = context.Supernet;
        var images = SupernetScore.AlphaHalf(context.Data, options.EvalSize, options.BatchSize);
        var tuning = new Batches(context.Data.WeightHalf.Take(options.TuneImages), context.Data.Normalization,
            context.Training.BatchSize, shuffle: true, context.Seed);
        var alphaTuning = new Batches(context.Data.AlphaHalf.Take(options.TuneImages), context.Data.Normalization,
            context.Training.BatchSize, shuffle: true, context.Seed + 1);
        var order = EdgeProjection.Order(options.EdgeOrder, context.Seed);
        var learningRate = context.Training.LearningRate * options.TuneLearningRateFactor;
        using var weights = SelectionBatches.Weights(context.MixingWeights);
        var checkpoints = context.WorkDirectory is null ? null : new CheckpointStore(context.WorkDirectory, "pt");

        double ScoreWithout(Tensor masked)
        {
            if (context.Stop.Requested)
                throw new NodeInterruptedException(checkpoints is null
                    ? $"{context.Task}: stopped on request while scoring an edge (nothing to save)"
                    : $"{context.Task}: stopped while scoring an edge; a rerun resumes after the last decision or tuning epoch");
            var (loss, accuracy) = SupernetScore.Of(supernet, new Mixing(masked), images);
            return options.Criterion == "acc" ? accuracy : -loss; // keep the op whose removal lowers accuracy / raises loss most
        }

        // Tunes after a decision (the last needs none), from the start or from a checkpoint's position.
        Tensor Tune(ProjectionState decided, TuningPosition from, CheckpointReader? saved)
        {
            if (decided.Decided == Nb201Space.EdgeCount) return decided.Current;
            using var run = new ProjectedTuning(supernet, decided.Done, decided.Current, context.Alpha, learningRate, context.Training);
            var projected = SupernetTrainingLoop.ToArray(decided.Current); // float32 values, exact as doubles
            void Save(TuningPosition at) => checkpoints?.Save(checkpoint =>
            {
                checkpoint.Module("supernet", supernet);
                run.SaveState(checkpoint);
                checkpoint.RandomState();
                checkpoint.Json("state", new PerturbationRunState(decided.Picks, decided.Done, projected, at));
            });
            if (saved is null)
            {
                Save(from);
                context.Progress.Items(context.Task, decided.Decided, Nb201Space.EdgeCount, TimeSpan.Zero);
                if (context.Stop.Requested)
                    throw new NodeInterruptedException(checkpoints is null
                        ? $"{context.Task}: stopped on request after {decided.Decided} edge decision(s) (nothing to save)"
                        : $"{context.Task}: stopped after {decided.Decided} edge decision(s); checkpoint saved");
            }
            else run.LoadState(saved);
            run.Train(tuning, alphaTuning, options.TuneEpochsBetween, from, checkpoints is null ? null : Save, context.Stop,
                context.Progress, $"{context.Task} (tuning after {decided.Decided} edges)");
            return run.Mixing();
        }

        var resumed = checkpoints?.Latest() is { } saved ? Resume(saved) : null;
        var picks = EdgeProjection.Run(weights, order, options.ExcludeNone, ScoreWithout,
            decided => Tune(decided, TuningPosition.Before(tuning.Draws, alphaTuning.Draws), null), resumed);
        return new SelectionResult(Genotype.FromIndices(picks),
            [string.Create(CultureInfo.InvariantCulture, $"pt ({options.Criterion}) decided edges in order {string.Join(",", order)}, tuning {options.TuneEpochsBetween} epoch(s) between decisions")]);

        // Restores the supernet, the generator and the batches, finishes the interrupted tuning, and returns where
        // the projection goes on.
        ProjectionState Resume(CheckpointReader saved)
        {
            var state = saved.Json<PerturbationRunState>("state");
            saved.Module("supernet", supernet);
            saved.RandomState();
            tuning.FastForward(state.Tuning.WeightDraws);
            alphaTuning.FastForward(state.Tuning.AlphaDraws);
            using var projected = SelectionBatches.Weights(state.Projected);
            var decided = new ProjectionState(state.Picks, state.Done, projected);
            context.Progress.Note(string.Create(CultureInfo.InvariantCulture,
                $"resuming {context.Task} after {decided.Decided} of {Nb201Space.EdgeCount} edge decisions") +
                (state.Tuning.Position.Epoch < options.TuneEpochsBetween
                    ? string.Create(CultureInfo.InvariantCulture, $", tuning epoch {state.Tuning.Position.Epoch + 1}/{options.TuneEpochsBetween}")
                    : ", tuning done"));
            var current = Tune(decided, state.Tuning, saved);
            return decided with { Current = current };
        }
    }
}
