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
    public static SupernetTrainingOptions Read(TomlSection s) => new(
        s.Int("epochs", 50, min: 1), s.Int("batch_size", 64, min: 1),
        s.Double("lr", 0.025, min: 0), s.Double("lr_min", 0.001, min: 0), s.Double("momentum", 0.9, min: 0, max: 1),
        s.Bool("nesterov", true), s.Double("weight_decay", 5e-4, min: 0), s.Double("grad_clip", 5, min: 0),
        s.Int("valid_size", 0, min: 0));
}
