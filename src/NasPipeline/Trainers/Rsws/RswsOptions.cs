using NasPipeline.Manifest;
using NasPipeline.Training;

namespace NasPipeline.Trainers.Rsws;

/// <summary>Random sampling with weight sharing has only the shared loop's options.</summary>
public sealed record RswsOptions(SupernetTrainingOptions Training)
{
    public static RswsOptions Read(TomlSection s) => new(SupernetTrainingOptions.Read(s));
}
