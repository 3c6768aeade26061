using NasPipeline.Manifest;
using NasPipeline.Training;

namespace NasPipeline.Trainers.DrNas;

/// <summary>DrNAS: the α optimiser, and the KL regulariser toward a symmetric Dirichlet prior.</summary>
public sealed record DrNasOptions(SupernetTrainingOptions Training, AlphaOptions Alpha, double RegularisationScale, double PriorConcentration)
{
    public static DrNasOptions Read(TomlSection s) => new(
        SupernetTrainingOptions.Read(s), AlphaOptions.Read(s),
        s.Double("reg_scale", 1e-3, min: 0), s.Double("prior_concentration", 1.0, min: 1e-6));
}
