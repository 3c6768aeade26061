using static TorchSharp.torch;

namespace NasPipeline.Trainers.DrNas;

/// <summary>The Dirichlet pieces DrNAS needs, per edge (rows).</summary>
public static class Dirichlet
{
    /// <summary>
    /// DrNAS's concentrations β = ELU(α) + 1, written as α + 1 for α &gt; 0 and exp(α) otherwise: the same
    /// function, but it stays positive in float32 where exp(α) − 1 + 1 rounds to 0 (α &lt; −17).
    /// </summary>
    public static Tensor Concentration(Tensor alpha) => where(alpha.gt(0), alpha.add(1), alpha.clamp_max(0).exp());

    /// <summary>
    /// A reparameterised sample: normalised Gamma(β, 1) draws. libtorch's <c>_standard_gamma</c> carries implicit
    /// reparameterisation gradients; TorchSharp's Dirichlet.rsample does not.
    /// </summary>
    public static Tensor Sample(Tensor concentration, Generator? generator = null)
    {
        var gamma = _standard_gamma(concentration, generator).clamp_min(1e-30);
        return gamma.div(gamma.sum(-1, keepdim: true));
    }

    /// <summary>E[weights] = β / Σβ.</summary>
    public static Tensor Mean(Tensor concentration) => concentration.div(concentration.sum(-1, keepdim: true));

    /// <summary>KL(Dir(β) ‖ Dir(γ·1)) summed over rows, in closed form.</summary>
    public static Tensor KlToSymmetric(Tensor concentration, double prior)
    {
        var k = concentration.shape[^1];
        var total = concentration.sum(-1);
        var priorTotal = prior * k;
        var kl = lgamma(total)
            .sub(lgamma(concentration).sum(-1))
            .sub(lgamma(tensor(priorTotal, concentration.dtype)))
            .add(lgamma(tensor(prior, concentration.dtype)).mul(k))
            .add(concentration.sub(prior).mul(digamma(concentration).sub(digamma(total).unsqueeze(-1))).sum(-1));
        return kl.sum();
    }
}
