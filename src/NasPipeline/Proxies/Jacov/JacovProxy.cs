using static TorchSharp.torch;

namespace NasPipeline.Proxies.Jacov;

/// <summary>
/// Jacobian covariance (Mellor et al., 2020, first version): J = ∂(Σ outputs)/∂x per sample, C = corrcoef(J),
/// eigenvalues v of the symmetric C (real by construction), score −Σ[log(v + 1e-5) + 1/(v + 1e-5)].
/// A sample with a constant Jacobian makes C undefined (NaN) and an ill-conditioned C can defeat the eigensolver;
/// the reference code scores both NaN, and so does this (NaN is then handled as every proxy's NaN is).
/// </summary>
public sealed class JacovProxy : IProxy
{
    public string Name => "jacov";
    public bool UsesData => true;

    public double Score(ProxyInput input)
    {
        var (network, images, labels) = (input.Network, input.Images, input.Labels);
        network.train();
        var x = images.detach().clone().requires_grad_(true);
        network.call(x).sum().backward();
        var jacobian = x.grad!.reshape(x.shape[0], -1).to(ScalarType.Float64);
        var correlation = corrcoef(jacobian);
        if (!correlation.isfinite().all().item<bool>()) return double.NaN;
        Tensor eigenvalues;
        try { eigenvalues = linalg.eigvalsh(correlation); }
        catch (System.Runtime.InteropServices.ExternalException) { return double.NaN; }
        var v = eigenvalues.add(1e-5);
        return -v.log().add(v.reciprocal()).sum().item<double>();
    }
}
