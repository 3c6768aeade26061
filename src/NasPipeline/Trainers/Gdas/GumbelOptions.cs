using NasPipeline.Manifest;
using NasPipeline.Training;

namespace NasPipeline.Trainers.Gdas;

/// <summary>
/// GDAS and SNAS: the α optimiser and the Gumbel temperature τ, annealed linearly per epoch from <c>tau_max</c>
/// toward <c>tau_min</c>. The two references schedule it differently, and each method follows its own:
/// GDAS as xautodl runs it on NB201 (exps/NAS-Bench-201-algos/GDAS.py, scripts-search/NAS-Bench-201-algos/GDAS.sh)
/// goes from 10 to 0.1 and reaches 0.1 in the last epoch; SNAS as DrNAS runs it for its NB201 comparison
/// (xiangning-chen/DrNAS 201-space/train_search.py) starts at 10 and lowers τ by (tau_min − tau_max) / epochs after
/// each epoch toward tau_min = 1, so the last epoch is one step short of it.
/// </summary>
public sealed record GumbelOptions(
    SupernetTrainingOptions Training, AlphaOptions Alpha, double TauMax, double TauMin, bool ReachesTauMin)
{
    public static GumbelOptions ReadGdas(TomlSection s) => Read(s, tauMin: 0.1, reachesTauMin: true);

    public static GumbelOptions ReadSnas(TomlSection s) => Read(s, tauMin: 1, reachesTauMin: false);

    static GumbelOptions Read(TomlSection s, double tauMin, bool reachesTauMin) => new(
        SupernetTrainingOptions.Read(s), AlphaOptions.Read(s), s.Double("tau_max", 10, min: 1e-6),
        s.Double("tau_min", tauMin, min: 1e-6), reachesTauMin);

    public double Temperature(TrainingStep step) =>
        ReachesTauMin ? step.Anneal(TauMax, TauMin) : step.Ramp(TauMax, TauMin);
}
