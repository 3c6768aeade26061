using NasPipeline.Trainers;
using NasPipeline.Trainers.Sdarts;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Trainers.Sdarts;

public sealed class PerturbationTests
{
    [TestCase(0.03)]
    [TestCase(0.3)]
    public void Random_StaysWithinEpsilon(double epsilon)
    {
        using var net = TrainerKit.Supernet();
        var weights = net.SoftmaxWeights().detach();
        for (var i = 0; i < 20; i++)
        {
            var perturbed = Perturbation.Random(weights, epsilon);
            Assert.That(perturbed.sub(weights).abs().max().item<float>(), Is.LessThanOrEqualTo(epsilon + 1e-6));
            Assert.That(perturbed.min().item<float>(), Is.GreaterThanOrEqualTo(0));
        }
    }

    [Test]
    public void Adversarial_IncreasesTheLoss_WithinEpsilon()
    {
        using var net = TrainerKit.Supernet();
        net.eval();
        var batch = TrainerKit.RandomBatch(16);
        var weights = net.SoftmaxWeights().detach();
        var attacked = Perturbation.Adversarial(net, weights, batch, 0.3, 7);
        using (no_grad())
        {
            var clean = nn.functional.cross_entropy(net.Forward(batch.Images, weights), batch.Labels).item<float>();
            var adversarial = nn.functional.cross_entropy(net.Forward(batch.Images, attacked), batch.Labels).item<float>();
            Assert.That(adversarial, Is.GreaterThan(clean));
        }
        Assert.That(attacked.sub(weights).abs().max().item<float>(), Is.LessThanOrEqualTo(0.3 + 1e-6));
    }

    [Test]
    public void Epsilon_RampsLinearlyOverEpochs()
    {
        var options = SdartsOptions.ReadRandom(NasPipeline.Manifest.TomlDocument.Parse("", "t").Root);
        Assert.That(options.Epsilon(new TrainingStep(0, 10, 0, 5, 0.1)), Is.EqualTo(0.03).Within(1e-12));
        Assert.That(options.Epsilon(new TrainingStep(9, 10, 4, 5, 0.1)), Is.EqualTo(0.3).Within(1e-12));
    }
}
