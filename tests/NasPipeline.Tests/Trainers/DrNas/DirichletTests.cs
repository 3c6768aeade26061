using NasPipeline.Trainers.DrNas;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Trainers.DrNas;

public sealed class DirichletTests
{
    [Test]
    public void Concentration_IsPositive_EvenForVeryNegativeAlpha()
    {
        using var alpha = tensor(new[] { -50f, -5f, 0f, 2f, 30f });
        Assert.That(Dirichlet.Concentration(alpha).min().item<float>(), Is.GreaterThan(0));
    }

    [Test]
    public void Sample_SumsToOne_AndIsDifferentiable()
    {
        manual_seed(3);
        var alpha = randn(6, 5).requires_grad_(true);
        var sample = Dirichlet.Sample(Dirichlet.Concentration(alpha));
        Assert.That(sample.sum(-1).allclose(ones(6)), Is.True);
        Assert.That(sample.min().item<float>(), Is.GreaterThanOrEqualTo(0));
        sample[0, 0].backward();
        Assert.That(alpha.grad!.abs().sum().item<float>(), Is.GreaterThan(0));
    }

    [Test]
    public void KlToSymmetric_IsZeroAtThePrior_AndMatchesHandValue()
    {
        using var prior = ones(2, 5);
        Assert.That(Dirichlet.KlToSymmetric(prior, 1.0).item<float>(), Is.EqualTo(0).Within(1e-5));
        // KL(Dir(2,1) ‖ Dir(1,1)) = ln Γ(3) − ln Γ(2) − ln Γ(2) + (2−1)(ψ(2) − ψ(3)) = ln 2 − 1/2
        using var beta = tensor(new[,] { { 2f, 1f } });
        Assert.That(Dirichlet.KlToSymmetric(beta, 1.0).item<float>(), Is.EqualTo(Math.Log(2) - 0.5).Within(1e-5));
    }
}
