using NasPipeline.Manifest;

namespace NasPipeline.Selectors.SharedWeights;

/// <summary>
/// Shared-weight ranking. Defaults are RS-WS's (liamcli/randomNAS_release <c>searchers/random_weight_share.py</c>
/// <c>get_eval_arch</c>, <c>benchmarks/cnn/darts/darts_wrapper_discrete.py</c> <c>evaluate</c>): 1000 sampled
/// architectures, each screened on the next 10 α-half batches of 64, the best 10 re-ranked on the whole α half
/// (<c>eval_size</c> images, 0: all), BN in evaluation mode (<c>model.eval()</c>: the supernet's running statistics).
/// <c>batch_norm</c> may instead use batch statistics (<c>train</c>) or re-estimate them per architecture on
/// <c>recalibration_batches</c> weight-half batches (<c>recalibrate</c>).
/// </summary>
public sealed record SharedWeightsOptions(
    int NumSamples, int ScreenBatches, int TopK, int EvalSize, int BatchSize, string BatchNorm,
    int RecalibrationBatches)
{
    public static readonly string[] BatchNormModes = ["eval", "train", "recalibrate"];

    public static SharedWeightsOptions Read(TomlSection s) => new(
        s.Int("num_samples", 1000, min: 1), s.Int("screen_batches", 10, min: 1), s.Int("top_k", 10, min: 1),
        s.Int("eval_size", 0, min: 0), s.Int("batch_size", 64, min: 1), s.Choice("batch_norm", "eval", BatchNormModes),
        s.Int("recalibration_batches", 4, min: 1));
}
