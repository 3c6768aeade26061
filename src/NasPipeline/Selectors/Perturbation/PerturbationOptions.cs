using NasPipeline.Manifest;

namespace NasPipeline.Selectors.Perturbation;

/// <summary>
/// DARTS-PT. Defaults are ruocwang/darts-pt's NB201 search script (<c>nasbench201/train_search.py</c>): criterion
/// acc (<c>proj_crit</c>), 5 tuning epochs between decisions (<c>proj_intv</c>) at a tenth of the training lr, the
/// whole α half evaluated in batches of 64 (its <c>valid_queue</c> uses the search batch size; with BN on batch
/// statistics the batch size changes the scores), random edge order (<c>edge_decision</c>), tuning on the whole
/// weight half, <c>none</c> a candidate. A manifest scales them down for small machines. In a space with choice
/// nodes (DARTS) <c>edge_order</c> orders the edges; nodes are decided in a seeded random order either way
/// (<see cref="ProjectionPlan"/>).
/// </summary>
public sealed record PerturbationOptions(string Criterion, int TuneEpochsBetween, double TuneLearningRateFactor,
    int TuneImages, int EvalSize, int BatchSize, string EdgeOrder, bool ExcludeNone)
{
    public static PerturbationOptions Read(TomlSection s) => new(
        s.Choice("criterion", "acc", ["acc", "loss"]), s.Int("tune_epochs_between", 5, min: 0),
        s.Double("tune_lr_factor", 0.1, min: 0), s.Int("tune_images", 0, min: 0),
        s.Int("eval_size", 0, min: 0), s.Int("batch_size", 64, min: 1),
        s.Choice("edge_order", "random", ["random", "sequential"]), s.Bool("exclude_none", false));

    /// <summary>
    /// Tuning epochs after <paramref name="decided"/> of <paramref name="decisions"/> projection rounds
    /// (<see cref="ProjectionPlan"/>; NB201: edge decisions): <see cref="TuneEpochsBetween"/>, none after the last.
    /// Before the last round, one fewer unless <paramref name="topology"/>: <c>nasbench201/projection.py</c> tunes
    /// <c>proj_intv</c>·(edges − 1) epochs and projects at epochs 0, p, 2p, … and at the last one, so its final
    /// interval is p − 1 epochs; <c>sota/cnn/projection.py</c>, the script with the topology phase, tunes
    /// p·(rounds − 1) + 1 epochs, so its last round falls on epoch p·(rounds − 1) and every interval is p. (Both
    /// train one more epoch after the last projection, which cannot change the selection.)
    /// </summary>
    public int TuneEpochsAfter(int decided, int decisions, bool topology = false) =>
        decided >= decisions ? 0
        : decided == decisions - 1 && !topology ? Math.Max(TuneEpochsBetween - 1, 0)
        : TuneEpochsBetween;
}
