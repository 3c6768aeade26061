using NasPipeline.Proxies;
using NasPipeline.Proxies.Zen;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Proxies.Zen;

/// <summary>Zen-score as ZenNAS's compute_zen_score.py computes it, on networks small enough to follow.</summary>
public sealed class ZenProxyTests
{
    ScalarType _previous;

    [SetUp] public void Float64() { _previous = get_default_dtype(); set_default_dtype(ScalarType.Float64); }
    [TearDown] public void Restore() => set_default_dtype(_previous);

    static ProxyInput Input(nn.Module<Tensor, Tensor> net, long seed) =>
        new(net, zeros(4, 2, 3, 3), zeros(4, dtype: ScalarType.Int64), Seed: seed);

    [Test]
    public void Score_WithoutLayersBeforePooling_IsLogOfTheMixupPerturbation_AveragedOverRepeats()
    {
        // Pre-pooling features are the input itself, and no BN: each repeat scores log mean_n Σ|γ ε_n|, with the
        // draws of the reference in its order: weights, then x, then ε, from one generator seeded by the input.
        var net = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(2, 3));
        var score = ProxyRunner.Score(new ZenProxy(new ZenOptions(2)), Input(net, 5));
        using var generator = new Generator(5);
        var expected = new List<double>();
        for (var repeat = 0; repeat < 2; repeat++)
        {
            empty(3, 2).normal_(generator: generator);
            randn([4, 2, 3, 3], generator: generator);
            var epsilon = randn([4, 2, 3, 3], generator: generator);
            expected.Add(Math.Log(epsilon.mul(ZenProxy.MixupGamma).abs().sum([1, 2, 3]).mean().item<double>()));
        }
        Assert.That(score, Is.EqualTo(expected.Average()).Within(1e-9));
    }

    [Test]
    public void Score_AddsTheLogBnScaleFromRunningVarianceAfterBothPasses()
    {
        // BN (train mode, fresh statistics) before pooling: Δ is measured on its output, and its running variance
        // after the clean then the mixup pass (momentum 0.1, unbiased batch variance) gives log √mean(running var).
        var net = nn.Sequential(nn.BatchNorm2d(2), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(2, 3));
        using (no_grad()) ((TorchSharp.Modules.BatchNorm2d)net[0]).running_var!.fill_(7); // reset like a fresh BN
        var score = ProxyRunner.Score(new ZenProxy(), Input(net, 9));

        using var generator = new Generator(9);
        empty(3, 2).normal_(generator: generator);
        var x = randn([4, 2, 3, 3], generator: generator);
        var mixup = x.add(randn([4, 2, 3, 3], generator: generator).mul(ZenProxy.MixupGamma));
        static Tensor Normalize(Tensor t) =>
            t.sub(t.mean([0, 2, 3], keepdim: true))
                .div(t.var([0, 2, 3], unbiased: false, keepdim: true).add(1e-5).sqrt());
        var delta = Normalize(x).sub(Normalize(mixup)).abs().sum([1, 2, 3]).mean().item<double>();
        var running = ones(2).mul(0.9).add(x.var([0, 2, 3]).mul(0.1)).mul(0.9).add(mixup.var([0, 2, 3]).mul(0.1));
        var expected = Math.Log(delta) + Math.Log(Math.Sqrt(running.mean().item<double>()));
        Assert.That(score, Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void Score_SameSeed_SameValue_OtherSeed_OtherValue()
    {
        var net = nn.Sequential(nn.Conv2d(2, 3, 3, padding: 1), nn.BatchNorm2d(3), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
            nn.Flatten(), nn.Linear(3, 2));
        var proxy = new ZenProxy();
        manual_seed(1);
        var first = ProxyRunner.Score(proxy, Input(net, 4));
        manual_seed(2); // the global generator plays no part once the input has a seed
        Assert.That(ProxyRunner.Score(proxy, Input(net, 4)), Is.EqualTo(first));
        Assert.That(ProxyRunner.Score(proxy, Input(net, 5)), Is.Not.EqualTo(first));
    }
}
