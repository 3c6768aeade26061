using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using NasPipeline.Trainers.DrNas;
using NasPipeline.Training;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Tests.Trainers.DrNas;

/// <summary>
/// DrNAS's α step against a hand-built one, for both <c>reg_type</c>s of xiangning-chen/DrNAS 201-space:
/// "l2" (the default) is cross-entropy alone with Adam(3e-4, betas (0.5, 0.999), weight decay = reg_scale);
/// "kl" adds reg_scale · KL(Dir(ELU(α)+1) ‖ Dir(1)) with Adam weight decay 0. Both sides run the same operations
/// in the same order, so after three steps α must agree to the last bit; a regulariser or a decay that should not
/// be there moves α by far more.
/// </summary>
public sealed class DrNasTrainerTests
{
    [Test]
    public void DefaultRegType_IsL2_DecayingAlphaByRegScale_WithoutKl() =>
        AlphaStepsMatchHandBuilt("", klScale: 0, weightDecay: 1e-3);

    [Test]
    public void KlRegType_AddsScaledKl_AndNoWeightDecay() =>
        AlphaStepsMatchHandBuilt("reg_type = \"kl\"\nreg_scale = 0.5", klScale: 0.5, weightDecay: 0);

    [Test]
    public void AlphaOptions_TakeTheirWeightDecayFromRegType()
    {
        Assert.That(((GradientAlphaTrainer)TrainerKit.Trainer("drnas", "reg_scale = 0.01")).Alpha.WeightDecay,
            Is.EqualTo(0.01));
        Assert.That(((GradientAlphaTrainer)TrainerKit.Trainer("drnas", "reg_type = \"kl\"")).Alpha.WeightDecay,
            Is.EqualTo(0));
    }

    static void AlphaStepsMatchHandBuilt(string keys, double klScale, double weightDecay)
    {
        using var net = Supernet();
        using var reference = Supernet();
        var trainer = TrainerKit.Trainer("drnas", keys);
        trainer.Attach(net);
        using var adam = optim.Adam([reference.Alpha], 3e-4, 0.5, 0.999, weight_decay: weightDecay);
        var batch = TrainerKit.RandomSearchBatch();
        for (var step = 0; step < 3; step++)
        {
            manual_seed(50 + step);
            trainer.UpdateArchitecture(net, batch, new TrainingStep(0, 1, step, 3, 0.025), new RunningMean());

            manual_seed(50 + step);
            adam.zero_grad();
            var sample = Dirichlet.Sample(Dirichlet.Concentration(reference.Alpha));
            var loss = nn.functional.cross_entropy(reference.Forward(batch.Alpha.Images, sample), batch.Alpha.Labels);
            if (klScale > 0)
                loss = loss.add(Dirichlet.KlToSymmetric(Dirichlet.Concentration(reference.Alpha), 1.0).mul(klScale));
            loss.backward();
            adam.step();
        }
        Assert.That(net.Alpha.sub(reference.Alpha).abs().max().item<float>(), Is.EqualTo(0));
    }

    /// <summary>α well away from 0, so the KL term and the decay have gradients comparable to the loss's.</summary>
    static Nb201Supernet Supernet()
    {
        var net = TrainerKit.Supernet(7);
        using (no_grad()) net.Alpha.copy_(linspace(-2, 2, 30).reshape(6, 5));
        return net;
    }
}
