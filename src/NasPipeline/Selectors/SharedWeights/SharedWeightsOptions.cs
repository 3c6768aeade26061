using NasPipeline.Manifest;

namespace NasPipeline.Selectors.SharedWeights;

/// <summary>Shared-weight ranking: how many architectures to sample, on how many α-half images, and how BN is treated.</summary>
public sealed record SharedWeightsOptions(int NumSamples, int EvalSize, int BatchSize, string BatchNorm, int RecalibrationBatches)
{
    public static readonly string[] BatchNormModes = ["train", "recalibrate"];

    public static SharedWeightsOptions Read(TomlSection s) => new(
        s.Int("num_samples", 100, min: 1), s.Int("eval_size", 512, min: 0), s.Int("batch_size", 128, min: 1),
        s.Choice("batch_norm", "train", BatchNormModes), s.Int("recalibration_batches", 4, min: 1));
}
