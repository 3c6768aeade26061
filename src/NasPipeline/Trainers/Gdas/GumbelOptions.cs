using NasPipeline.Manifest;
using NasPipeline.Training;

namespace NasPipeline.Trainers.Gdas;

/// <summary>GDAS and SNAS: the α optimiser and the Gumbel temperature, annealed linearly per epoch.</summary>
public sealed record GumbelOptions(SupernetTrainingOptions Training, AlphaOptions Alpha, double TauMax, double TauMin)
{
    public static GumbelOptions Read(TomlSection s) => new(
        SupernetTrainingOptions.Read(s), AlphaOptions.Read(s), s.Double("tau_max", 10, min: 1e-6), s.Double("tau_min", 0.1, min: 1e-6));

    public double Temperature(TrainingStep step) => step.Anneal(TauMax, TauMin);
}
