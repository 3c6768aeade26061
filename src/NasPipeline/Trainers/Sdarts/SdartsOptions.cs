using NasPipeline.Manifest;
using NasPipeline.Training;

namespace NasPipeline.Trainers.Sdarts;

/// <summary>SDARTS: DARTS's options plus the perturbation radius ε, ramped linearly per epoch, and the attack's steps.</summary>
public sealed record SdartsOptions(SupernetTrainingOptions Training, AlphaOptions Alpha, double EpsilonMin, double EpsilonMax, int AttackSteps)
{
    public static SdartsOptions ReadRandom(TomlSection s) => new(
        SupernetTrainingOptions.Read(s), AlphaOptions.Read(s), s.Double("epsilon_min", 0.03, min: 0), s.Double("epsilon_max", 0.3, min: 0), 0);

    public static SdartsOptions ReadAdversarial(TomlSection s) => new(
        SupernetTrainingOptions.Read(s), AlphaOptions.Read(s), s.Double("epsilon_min", 0.03, min: 0), s.Double("epsilon_max", 0.3, min: 0),
        s.Int("attack_steps", 7, min: 1, max: 100));

    public double Epsilon(TrainingStep step) => step.Anneal(EpsilonMin, EpsilonMax);
}
