using NasPipeline.Manifest;

namespace NasPipeline.Trainers;

/// <summary>
/// The α optimiser (Adam) of the trainers that learn α by gradient; defaults are NB201's DARTS settings.
/// </summary>
public sealed record AlphaOptions(double LearningRate, double Beta1, double Beta2, double WeightDecay)
{
    public static AlphaOptions Read(TomlSection s, double learningRate = 3e-4, double weightDecay = 1e-3) =>
        ReadWithWeightDecay(s, s.Double("alpha_weight_decay", weightDecay, min: 0), learningRate);

    /// <summary>
    /// The same without an <c>alpha_weight_decay</c> key, for a method that derives the decay from its own keys
    /// (DrNAS: from <c>reg_type</c> and <c>reg_scale</c>).
    /// </summary>
    public static AlphaOptions ReadWithWeightDecay(TomlSection s, double weightDecay, double learningRate = 3e-4) =>
        new(s.Double("alpha_lr", learningRate, min: 0), s.Double("alpha_beta1", 0.5, min: 0, max: 1),
            s.Double("alpha_beta2", 0.999, min: 0, max: 1), weightDecay);
}
