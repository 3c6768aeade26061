using NasPipeline.Manifest;

namespace NasPipeline.Selectors.Perturbation;

/// <summary>
/// DARTS-PT. Defaults are ruocwang/darts-pt's NB201 search script (<c>nasbench201/train_search.py</c>): criterion
/// acc (<c>proj_crit</c>), 5 tuning epochs between decisions (<c>proj_intv</c>) at a tenth of the training lr, the
/// whole α half evaluated in batches of 64 (its <c>valid_queue</c> uses the search batch size; with BN on batch
/// statistics the batch size changes the scores), random edge order (<c>edge_decision</c>), tuning on the whole
/// weight half, <c>none</c> a candidate. A manifest scales them down for small machines.
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
    /// Tuning epochs after <paramref name="decided"/> of <paramref name="decisions"/> decisions (the space's edges):
    /// <see cref="TuneEpochsBetween"/>, one fewer before
    /// the last decision, none after it. The reference tunes <c>proj_intv</c>·(edges − 1) epochs and projects at
    /// epochs 0, p, 2p, … and at the last one, so its final interval is p − 1 epochs (the epoch it trains after the
    /// last decision cannot change the selection).
    /// </summary>
    public int TuneEpochsAfter(int decided, int decisions) =>
        decided >= decisions ? 0
        : decided == decisions - 1 ? Math.Max(TuneEpochsBetween - 1, 0)
        : TuneEpochsBetween;
}
