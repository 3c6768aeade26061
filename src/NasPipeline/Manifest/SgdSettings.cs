namespace NasPipeline.Manifest;

/// <summary>
/// The keys every weight-training section shares ([[trainers]] and [retrain]): epochs, batch size and SGD with
/// momentum under a cosine learning rate from <c>lr</c> to <c>lr_min</c>, weight decay and gradient clipping
/// (<c>grad_clip</c> 0 = none). Read in one place; each section gives its own defaults.
/// </summary>
public sealed record SgdSettings(
    int Epochs, int BatchSize, double LearningRate, double LearningRateMin, double Momentum, bool Nesterov,
    double WeightDecay, double GradClip)
{
    public static SgdSettings Read(TomlSection s, SgdSettings defaults) => new(
        Epochs: s.Int("epochs", defaults.Epochs, min: 1),
        BatchSize: s.Int("batch_size", defaults.BatchSize, min: 1),
        LearningRate: s.Double("lr", defaults.LearningRate, min: 0),
        LearningRateMin: s.Double("lr_min", defaults.LearningRateMin, min: 0),
        Momentum: s.Double("momentum", defaults.Momentum, min: 0, max: 1),
        Nesterov: s.Bool("nesterov", defaults.Nesterov),
        WeightDecay: s.Double("weight_decay", defaults.WeightDecay, min: 0),
        GradClip: s.Double("grad_clip", defaults.GradClip, min: 0));
}
