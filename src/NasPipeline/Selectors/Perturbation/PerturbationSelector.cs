using System.Globalization;
using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Selectors.Perturbation;

/// <summary>
/// Perturbation-based selection (Wang et al., ICLR 2021, "Rethinking Architecture Selection in Differentiable
/// NAS"; ruocwang/darts-pt <c>nasbench201/projection.py</c>, and <c>sota/cnn/projection.py</c> for a space with
/// choice nodes): edges in a seeded random order; on each, every op is removed in turn and the supernet's α-half
/// accuracy (or loss) measured with BN on batch statistics; the op whose removal hurts most is kept (the first in
/// canonical order among equal scores, as the reference's strict comparison does); the edge is fixed one-hot. In
/// DARTS each round decides an edge of the normal cell, then one of the reduction cell; once every edge has its op,
/// each round decides a random node per cell type, dropping the inputs whose removal hurts least until it keeps
/// two (<see cref="EdgeProjection"/>, <see cref="ProjectionPlan"/>). After each round the supernet is fine-tuned
/// the way its trainer trained it (<see cref="ProjectedTuning"/>: one weight optimiser at the training lr ×
/// <c>tune_lr_factor</c> and the trainer's α optimiser, both kept across rounds; decided edges held at their op,
/// dropped edges at <c>none</c>, i.e. 0) for <c>tune_epochs_between</c> epochs, one epoch fewer before the last
/// round without a topology phase (<see cref="PerturbationOptions.TuneEpochsAfter"/>); undecided edges then mix by
/// the trainer's selection weights. The genotype is the space's rule over the projected weights (DARTS's
/// <c>genotype()</c>). With a work folder it checkpoints after each round and each tuning epoch (and at a tuning
/// step when asked to stop); a stop while an edge is being scored loses only that round's scores.
/// </summary>
public sealed class PerturbationSelector(PerturbationOptions options) : IArchitectureSelector
{
    public SelectionResult Select(SelectionContext context)
    {
        var supernet = context.Supernet;
        var data = context.Data;
        var trainer = context.Trainer ?? throw new InvalidOperationException(
            "pt tunes the supernet the way it was trained: the selection context needs its trainer");
        var images = SupernetScore.AlphaHalf(data, options.EvalSize, options.BatchSize);
        Batches Tuning(ImageSet half, int seed) =>
            new(half.Take(options.TuneImages), data.Normalization, context.Training.BatchSize, shuffle: true, seed,
                data.Augmentation);
        var tuning = Tuning(data.WeightHalf, context.Seed);
        var alphaTuning = Tuning(data.AlphaHalf, context.Seed + 1);
        var space = supernet.Space;
        var plan = ProjectionPlan.Of(space, options.EdgeOrder, context.Seed);
        var rounds = plan.Rounds.Count;
        var learningRate = context.Training.LearningRate * options.TuneLearningRateFactor;
        using var weights = SelectionBatches.Weights(context.MixingWeights);
        using var run = new ProjectedTuning(supernet, trainer, learningRate);
        var checkpoints = context.WorkDirectory is null ? null : new CheckpointStore(context.WorkDirectory, "pt");
        LoopClock? clock = null; // decisions made by this process: a resumed one does not count the earlier ones

        NodeInterruptedException Stopped(string where) => new(checkpoints is null
            ? $"{context.Task}: stopped on request {where} (nothing to save)"
            : $"{context.Task}: stopped {where}; a rerun resumes from the last checkpoint");

        double ScoreWithout(Tensor masked)
        {
            // The last checkpoint holds the state before this round was scored (scoring moves only BN statistics,
            // which a rerun recomputes from there): a stop here loses only this round's scores. The masked weights
            // hold every decision already; the supernet's held edges would undo a node decision's removal of an
            // edge whose op is decided, so they are let go while scoring.
            var held = supernet.FixedOps;
            supernet.FixedOps = null;
            try
            {
                var (loss, accuracy) =
                    SupernetScore.Of(supernet, Mixing.Of(space.Split(masked)), images, stop: context.Stop);
                // Keep the op whose removal lowers accuracy / raises loss most; drop the edge whose removal lowers
                // accuracy / raises loss least.
                return options.Criterion == "acc" ? accuracy : -loss;
            }
            catch (NodeInterruptedException) { throw Stopped("while scoring an edge"); }
            finally { supernet.FixedOps = held; }
        }

        // After a round (the last needs no tuning): checkpoint, then tune, from the start or from a checkpoint.
        Tensor Tune(ProjectionState decided, TuningPosition from, CheckpointReader? saved)
        {
            var done = plan.RoundsDone(space, decided);
            if (saved is null) context.Progress.Items(context.Task, done, rounds, clock!.Remaining(done));
            if (done == rounds) return decided.Current;
            run.Fix(Held(decided.Picks), decided.Done);
            var projected = SupernetTrainingLoop.ToArray(decided.Current); // float32 values: exact as doubles
            void Save(TuningPosition at) => checkpoints?.Save(checkpoint =>
            {
                checkpoint.Module("supernet", supernet.Module);
                run.SaveState(checkpoint);
                checkpoint.RandomState();
                checkpoint.Json("state", new PerturbationRunState(decided.Picks, decided.Done, projected, at));
            });
            if (saved is null)
            {
                Save(from);
                if (context.Stop.Requested) throw Stopped($"after {done} {plan.RoundName}");
            }
            run.Train(tuning, alphaTuning, options.TuneEpochsAfter(done, rounds, plan.HasNodes), from,
                checkpoints is null ? null : Save,
                context.Stop, context.Progress, $"{context.Task} (tuning after {done} {plan.RoundName})");
            return run.Mixing();
        }

        // Restores the supernet, both optimisers, the generator and the batches, finishes the interrupted tuning,
        // and returns where the projection goes on.
        ProjectionState Resume(CheckpointReader saved)
        {
            var state = saved.Json<PerturbationRunState>("state");
            saved.Module("supernet", supernet.Module);
            run.LoadState(saved);
            saved.RandomState();
            tuning.FastForward(state.Tuning.WeightDraws);
            alphaTuning.FastForward(state.Tuning.AlphaDraws);
            using var projected = SelectionBatches.Weights(state.Projected);
            var decided = new ProjectionState(state.Picks, state.Done, projected);
            var done = plan.RoundsDone(space, decided);
            var (epoch, epochs) =
                (state.Tuning.Position.Epoch, options.TuneEpochsAfter(done, rounds, plan.HasNodes));
            context.Progress.Note(string.Create(CultureInfo.InvariantCulture,
                $"resuming {context.Task} after {done} of {rounds} {plan.RoundName}, ") +
                (epoch < epochs ? $"tuning epoch {epoch + 1}/{epochs}" : "tuning done"));
            return decided with { Current = Tune(decided, state.Tuning, saved) };
        }

        var resumed = checkpoints?.Latest() is { } latest ? Resume(latest) : null;
        clock = new LoopClock(resumed is null ? 0 : plan.RoundsDone(space, resumed), rounds);
        var picks = EdgeProjection.Run(space, weights, plan, options.ExcludeNone, ScoreWithout,
            decided => Tune(decided, TuningPosition.Before(tuning.Draws, alphaTuning.Draws), null), resumed,
            tiesByWeight: false);
        var genotype = EdgeProjection.Genotype(space, picks, options.ExcludeNone);
        return new SelectionResult(genotype, [
            string.Create(CultureInfo.InvariantCulture,
                $"pt ({options.Criterion}) decided {plan.Describe(space)}, " +
                $"tuning {options.TuneEpochsBetween} epoch(s) between decisions"),
            .. EdgeProjection.Notes(space, picks, genotype),
        ]);

        // Dropped edges held at none (a zero output, as the reference's zeroed row) while tuning.
        int[] Held(int[] picks) => picks.Select((pick, edge) =>
            pick >= 0 ? pick : space.Edge(edge).OperationIndex("none") is var none and >= 0 ? none
                : throw new InvalidOperationException($"edge {space.EdgeName(edge)} is dropped but has no none op"))
            .ToArray();
    }
}
