using NasPipeline.Manifest;
using NasPipeline.Trainers.Darts;
using NasPipeline.Trainers.DartsSecondOrder;
using NasPipeline.Trainers.DrNas;
using NasPipeline.Trainers.Gdas;
using NasPipeline.Trainers.OneShot;
using NasPipeline.Trainers.Rsws;
using NasPipeline.Trainers.Sdarts;
using NasPipeline.Trainers.Snas;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers;

/// <summary>Supernet training methods by manifest name.</summary>
public static class TrainerCatalog
{
    public static readonly PluginCatalog<ISupernetTrainer> Default = new("trainer",
    [
        new("darts", "DARTS, first-order α gradient", s => DartsOptions.Read(s),
            o => new DartsTrainer((DartsOptions)o)),
        new("darts-2nd", "DARTS, second-order (unrolled) α gradient", s => DartsOptions.Read(s),
            o => new DartsSecondOrderTrainer((DartsOptions)o)),
        new("drnas", "DrNAS, Dirichlet mixing weights, α regularised by L2 or a KL prior", s => DrNasOptions.Read(s),
            o => new DrNasTrainer((DrNasOptions)o)),
        new("gdas", "GDAS, hard Gumbel-softmax, one op per edge", s => GumbelOptions.ReadGdas(s),
            o => new GdasTrainer((GumbelOptions)o)),
        new("snas", "SNAS, soft Gumbel-softmax", s => GumbelOptions.ReadSnas(s),
            o => new SnasTrainer((GumbelOptions)o)),
        new("oneshot", "fixed uniform α, all ops summed", s => OneShotOptions.Read(s),
            o => new OneShotTrainer((OneShotOptions)o)),
        new("rsws", "random sampling with weight sharing", s => RswsOptions.Read(s),
            o => new RswsTrainer((RswsOptions)o)),
        new("sdarts-rs", "SDARTS, random α perturbation", s => SdartsOptions.ReadRandom(s),
            o => new SdartsTrainer((SdartsOptions)o)),
        new("sdarts-adv", "SDARTS, adversarial (PGD) α perturbation", s => SdartsOptions.ReadAdversarial(s),
            o => new SdartsTrainer((SdartsOptions)o)),
    ]);
}
