using NasPipeline.Manifest;
using NasPipeline.Training;

namespace NasPipeline.Trainers.Darts;

/// <summary>DARTS: the shared loop's options plus the α optimiser (Adam, NB201 DARTS defaults).</summary>
public sealed record DartsOptions(
    SupernetTrainingOptions Training, double AlphaLearningRate, double AlphaBeta1, double AlphaBeta2, double AlphaWeightDecay)
{
    public static DartsOptions Read(TomlSection s) => new(
        SupernetTrainingOptions.Read(s),
        s.Double("alpha_lr", 3e-4, min: 0), s.Double("alpha_beta1", 0.5, min: 0, max: 1),
        s.Double("alpha_beta2", 0.999, min: 0, max: 1), s.Double("alpha_weight_decay", 1e-3, min: 0));
}
