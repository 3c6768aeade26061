using NasPipeline.Manifest;
using NasPipeline.Training;

namespace NasPipeline.Trainers.Darts;

/// <summary>DARTS (first and second order): the shared loop's options plus the α optimiser.</summary>
public sealed record DartsOptions(SupernetTrainingOptions Training, AlphaOptions Alpha)
{
    public static DartsOptions Read(TomlSection s) => new(SupernetTrainingOptions.Read(s), AlphaOptions.Read(s));
}
