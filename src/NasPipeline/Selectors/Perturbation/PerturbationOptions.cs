using NasPipeline.Manifest;

namespace NasPipeline.Selectors.Perturbation;

/// <summary>
/// DARTS-PT. Defaults follow the paper's NB201 setting (criterion acc, 5 tuning epochs between decisions, the
/// whole α half, random edge order, tuning on the whole weight half); a manifest scales them down for small machines.
/// </summary>
public sealed record PerturbationOptions(string Criterion, int TuneEpochsBetween, double TuneLearningRateFactor, int TuneImages, int EvalSize, int BatchSize, string EdgeOrder, bool ExcludeNone)
{
    public static PerturbationOptions Read(TomlSection s) => new(
        s.Choice("criterion", "acc", ["acc", "loss"]), s.Int("tune_epochs_between", 5, min: 0), s.Double("tune_lr_factor", 0.1, min: 0),
        s.Int("tune_images", 0, min: 0),
        s.Int("eval_size", 0, min: 0), s.Int("batch_size", 256, min: 1), s.Choice("edge_order", "random", ["random", "sequential"]),
        s.Bool("exclude_none", false));
}
