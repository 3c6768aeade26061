using NasPipeline.Manifest;
using NasPipeline.Training;

namespace NasPipeline.Trainers.Sdarts;

/// <summary>
/// SDARTS: DARTS's options plus the perturbation radius ε and the attack's steps. ε ramps per epoch as in
/// SmoothDARTS's search scripts (<c>epsilon_alpha = 0.03 + (epsilon_alpha − 0.03) · epoch / epochs</c>, e.g.
/// darts-pt sota/cnn/train_search.py): <c>epsilon_min</c> in the first epoch, one step short of
/// <c>epsilon_max</c> in the last. The PGD attack takes 7 steps of size 2ε/7, as <c>Linf_PGD_alpha</c>'s defaults.
/// </summary>
public sealed record SdartsOptions(
    SupernetTrainingOptions Training, AlphaOptions Alpha, double EpsilonMin, double EpsilonMax, int AttackSteps)
{
    public static SdartsOptions ReadRandom(TomlSection s) => new(
        SupernetTrainingOptions.Read(s), AlphaOptions.Read(s), s.Double("epsilon_min", 0.03, min: 0),
        s.Double("epsilon_max", 0.3, min: 0), 0);

    public static SdartsOptions ReadAdversarial(TomlSection s) => new(
        SupernetTrainingOptions.Read(s), AlphaOptions.Read(s), s.Double("epsilon_min", 0.03, min: 0),
        s.Double("epsilon_max", 0.3, min: 0), s.Int("attack_steps", 7, min: 1, max: 100));

    public double Epsilon(TrainingStep step) => step.Ramp(EpsilonMin, EpsilonMax);
}
