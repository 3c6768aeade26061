using NasPipeline.Proxies;
using NasPipeline.Proxies.Nwot;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Proxies.Nwot;

public sealed class NwotProxyTests
{
    static readonly float[] X = [1, -2, 3, 0.2f, -1, 2, 0.2f, -0.5f, 2, 1, -3, 0.1f, -2, -1, 4, 1.5f];

    /// <summary>log|det K| for codes [N, units]: K = c cᵀ + (1 − c)(1 − c)ᵀ.</summary>
    static double LogDet(Tensor codes)
    {
        var c = codes.to(ScalarType.Float64);
        return linalg.slogdet(c.matmul(c.t()).add(c.neg().add(1).matmul(c.neg().add(1).t()))).Item2.item<double>();
    }

    static double Score(string batchNorm)
    {
        var net = nn.Sequential(nn.BatchNorm2d(1), nn.ReLU()); // fresh running statistics: mean 0, variance 1
        var input = new ProxyInput(net, tensor(X, [4, 1, 1, 4]), zeros(4, dtype: ScalarType.Int64));
        return ProxyRunner.Score(new NwotProxy(new NwotOptions(batchNorm)), input);
    }

    [Test]
    public void Train_CodesTheBatchNormalisedInput_LikeNaswot()
    {
        // The batch mean 0.34375 moves two codes: det K = 32 against 52 for the raw signs.
        var x = tensor(X, [4, 4]);
        Assert.That(Score("train"), Is.EqualTo(LogDet(x.sub(x.mean()).gt(0))).Within(1e-12));
        Assert.That(Score("train"), Is.EqualTo(Math.Log(32)).Within(1e-12));
    }

    [Test]
    public void Eval_CodesWithRunningStatistics_LikeZeroCostPt()
    {
        Assert.That(Score("eval"), Is.EqualTo(LogDet(tensor(X, [4, 4]).gt(0))).Within(1e-12));
        Assert.That(Score("eval"), Is.EqualTo(Math.Log(52)).Within(1e-12));
        Assert.That(Score("eval"), Is.Not.EqualTo(Score("train")));
    }
}
