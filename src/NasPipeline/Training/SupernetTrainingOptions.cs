using System.Text.Json.Serialization;
using NasPipeline.Manifest;

namespace NasPipeline.Training;

/// <summary>
/// What every supernet trainer shares: epochs, batch size, the weight optimiser (SGD with momentum, cosine
/// learning rate, weight decay, gradient clipping) and how many α-half images measure validation accuracy per
/// epoch (0 = all of them). Defaults are NB201's DARTS settings.
/// </summary>
public sealed record SupernetTrainingOptions(
    int Epochs, int BatchSize, double LearningRate, double LearningRateMin, double Momentum, bool Nesterov,
    double WeightDecay, double GradClip, int ValidSize = 0)
{
    /// <summary>NB201's DARTS search settings (xautodl's DARTS-V1 config).</summary>
    public static readonly SgdSettings Defaults = new(
        Epochs: 50, BatchSize: 64, LearningRate: 0.025, LearningRateMin: 0.001, Momentum: 0.9, Nesterov: true,
        WeightDecay: 5e-4, GradClip: 5);

    public static SupernetTrainingOptions Read(TomlSection s)
    {
        var sgd = SgdSettings.Read(s, Defaults);
        return new SupernetTrainingOptions(sgd.Epochs, sgd.BatchSize, sgd.LearningRate, sgd.LearningRateMin,
            sgd.Momentum, sgd.Nesterov, sgd.WeightDecay, sgd.GradClip, s.Int("valid_size", 0, min: 0));
    }

    /// <summary>The shared keys as one record (not in stage keys: the flat fields are).</summary>
    [JsonIgnore]
    public SgdSettings Sgd =>
        new(Epochs, BatchSize, LearningRate, LearningRateMin, Momentum, Nesterov, WeightDecay, GradClip);
}
