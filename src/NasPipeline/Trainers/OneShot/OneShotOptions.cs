using NasPipeline.Manifest;
using NasPipeline.Training;

namespace NasPipeline.Trainers.OneShot;

/// <summary>The fixed-α one-shot supernet has only the shared loop's options.</summary>
public sealed record OneShotOptions(SupernetTrainingOptions Training)
{
    public static OneShotOptions Read(TomlSection s) => new(SupernetTrainingOptions.Read(s));
}
