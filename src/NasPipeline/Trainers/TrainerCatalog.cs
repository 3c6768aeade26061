using NasPipeline.Manifest;
using NasPipeline.Trainers.Darts;

namespace NasPipeline.Trainers;

/// <summary>Supernet training methods by manifest name.</summary>
public static class TrainerCatalog
{
    public static readonly PluginCatalog<ISupernetTrainer> Default = new("trainer",
    [
        new("darts", "DARTS, first-order α gradient", s => DartsOptions.Read(s), o => new DartsTrainer((DartsOptions)o)),
    ]);
}
