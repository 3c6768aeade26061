using NasPipeline.Proxies;
using NasPipeline.Proxies.Jacov;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Proxies.Jacov;

public sealed class JacovProxyTests
{
    /// <summary>A network whose output ignores its input: every per-sample Jacobian is zero.</summary>
    sealed class Constant : nn.Module<Tensor, Tensor>
    {
        readonly TorchSharp.Modules.Parameter bias = nn.Parameter(ones(3));
        public Constant() : base(nameof(Constant)) => RegisterComponents();
        public override Tensor forward(Tensor x) => x.mul(0).sum([1, 2, 3]).unsqueeze(1).add(bias);
    }

    [Test]
    public void ConstantJacobian_HasNoScore_LikeTheReference()
    {
        using var net = new Constant();
        var input = new ProxyInput(net, randn(4, 1, 4, 4), zeros(4, dtype: ScalarType.Int64));
        Assert.That(new JacovProxy().Score(input), Is.NaN);
        Assert.Throws<NonFiniteScoreException>(() => ProxyRunner.Score(new JacovProxy(), input));
    }
}
