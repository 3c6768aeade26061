using NasPipeline.Proxies;
using NasPipeline.Proxies.Fisher;
using NasPipeline.Proxies.Flops;
using NasPipeline.Proxies.GradNorm;
using NasPipeline.Proxies.Grasp;
using NasPipeline.Proxies.Jacov;
using NasPipeline.Proxies.Nwot;
using NasPipeline.Proxies.Params;
using NasPipeline.Proxies.Snip;
using NasPipeline.Proxies.Synflow;
using TorchSharp.Modules;
using static NasPipeline.Tests.Proxies.LinearAlgebra;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Proxies;

/// <summary>Each proxy on a network small enough that its value can be written down, in float64.</summary>
public sealed class ProxyHandComputationTests
{
    static readonly double[,] W = { { 0.5, -1.0, 0.25 }, { -0.75, 0.5, 1.5 } };
    static readonly double[][] Xs = [[1.0, 2.0, -1.0], [0.5, -0.5, 2.0], [-1.0, 1.0, 0.0]];
    static readonly int[] Labels = [0, 1, 1];

    ScalarType _previous;

    [SetUp] public void Float64() { _previous = get_default_dtype(); set_default_dtype(ScalarType.Float64); }
    [TearDown] public void Restore() => set_default_dtype(_previous);

    static Linear LinearNet()
    {
        var net = nn.Linear(3, 2, hasBias: false);
        using (no_grad()) net.weight!.copy_(tensor(W));
        return net;
    }

    static ProxyInput Input(nn.Module<Tensor, Tensor> net) =>
        new(net, tensor(Xs.SelectMany(x => x).ToArray(), [3, 3]), tensor(Labels.Select(l => (long)l).ToArray()));

    static double Score(IProxy proxy, nn.Module<Tensor, Tensor> net) => ProxyRunner.Score(proxy, Input(net));

    [Test]
    public void Synflow_TwoLinearLayers_IsTwiceTheAbsolutePathSum()
    {
        var first = nn.Linear(3, 2, hasBias: false);
        var second = nn.Linear(2, 2, hasBias: false);
        using (no_grad())
        {
            first.weight!.copy_(tensor(W)); second.weight!.copy_(tensor(new[,] { { 1.0, -2.0 }, { 0.5, 3.0 } }));
        }
        // R = 1ᵀ|W2||W1|1 and R is linear in each layer's weights, so each layer's Σ|θ ∂R/∂θ| is R.
        var abs1 = new[] { 0.5 + 1.0 + 0.25, 0.75 + 0.5 + 1.5 };
        var r = (1.0 * abs1[0] + 2.0 * abs1[1]) + (0.5 * abs1[0] + 3.0 * abs1[1]);
        Assert.That(Score(new SynflowProxy(), nn.Sequential(first, second)), Is.EqualTo(2 * r).Within(1e-9));
    }

    [Test]
    public void Synflow_BatchNorm_IsBypassedExactly()
    {
        // zero-cost-nas replaces BN's forward by the identity: a BN with any statistics changes nothing.
        Conv2d Conv()
        {
            var conv = nn.Conv2d(1, 2, 1, bias: false);
            using (no_grad()) conv.weight!.copy_(tensor(new[] { 0.5, -2.0 }).reshape(2, 1, 1, 1));
            return conv;
        }
        Linear Head()
        {
            var linear = nn.Linear(8, 2, hasBias: false);
            using (no_grad()) linear.weight!.copy_(arange(16).reshape(2, 8).sub(5.0));
            return linear;
        }
        var bn = nn.BatchNorm2d(2);
        using (no_grad()) { bn.running_mean!.fill_(3); bn.running_var!.fill_(0.25); }
        var label = zeros(1, dtype: ScalarType.Int64);
        var input = new ProxyInput(nn.Sequential(Conv(), bn, nn.Flatten(), Head()), zeros(1, 1, 2, 2), label);
        var plain = new ProxyInput(nn.Sequential(Conv(), nn.Flatten(), Head()), zeros(1, 1, 2, 2), label);
        var expected = ProxyRunner.Score(new SynflowProxy(), plain);
        Assert.That(ProxyRunner.Score(new SynflowProxy(), input), Is.EqualTo(expected).Within(1e-13 * expected));
    }

    [Test]
    public void Snip_And_GradNorm_OneLinearLayer()
    {
        var (g, _) = CrossEntropyGradient(W, Xs, Labels);
        double snip = 0, squares = 0;
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 3; j++) { snip += Math.Abs(W[i, j] * g[i, j]); squares += g[i, j] * g[i, j]; }
        Assert.That(Score(new SnipProxy(), LinearNet()), Is.EqualTo(snip).Within(1e-9));
        Assert.That(Score(new GradNormProxy(), LinearNet()), Is.EqualTo(Math.Sqrt(squares)).Within(1e-9));
    }

    [Test]
    public void Fisher_OneLinearLayer_IsHalfMeanSquaredActivationTimesGradient_PerWeight()
    {
        var (_, dy) = CrossEntropyGradient(W, Xs, Labels);
        double fisher = 0;
        // zero-cost-nas broadcasts each output channel's value to its 3 weights before summing.
        for (var c = 0; c < 2; c++)
            fisher += 3 * 0.5 * Enumerable.Range(0, 3).Average(n => Math.Pow(Times(W, Xs[n])[c] * dy[n][c], 2));
        Assert.That(Score(new FisherProxy(), LinearNet()), Is.EqualTo(fisher).Within(1e-12));
    }

    [Test]
    public void Grasp_OneLinearLayer_UsesTheHessianGradientProduct()
    {
        var (g, _) = CrossEntropyGradient(W, Xs, Labels);
        // Hg = (1/N) Σ_n (diag(p) − p pᵀ)(G x_n) x_nᵀ for softmax cross-entropy of a linear layer.
        var hg = new double[2, 3];
        for (var n = 0; n < 3; n++)
        {
            var p = Softmax(Times(W, Xs[n]));
            var v = Times(g, Xs[n]);
            var pv = p[0] * v[0] + p[1] * v[1];
            for (var i = 0; i < 2; i++)
                for (var j = 0; j < 3; j++) hg[i, j] += p[i] * (v[i] - pv) * Xs[n][j] / 3;
        }
        double grasp = 0;
        for (var i = 0; i < 2; i++) for (var j = 0; j < 3; j++) grasp += -W[i, j] * hg[i, j];
        Assert.That(Score(new GraspProxy(), LinearNet()), Is.EqualTo(grasp).Within(1e-12));
    }

    [Test]
    public void Jacov_LinearNetwork_HasOneNonZeroEigenvalue()
    {
        // Every sample's Jacobian is 1ᵀW: the correlation matrix is all ones, eigenvalues (3, 0, 0).
        static double Term(double v) => Math.Log(v + 1e-5) + 1 / (v + 1e-5);
        var expected = -(Term(3) + 2 * Term(0));
        Assert.That(Score(new JacovProxy(), LinearNet()), Is.EqualTo(expected).Within(1e-6 * Math.Abs(expected)));
    }

    [Test]
    public void Nwot_KnownReluCodes_IsLogDetOfHammingKernel()
    {
        var identity = nn.Linear(2, 2, hasBias: false);
        using (no_grad()) identity.weight!.copy_(eye(2));
        var net = nn.Sequential(identity, nn.ReLU());
        // Codes (1,0), (1,1), (0,0): K = [[2,1,1],[1,2,0],[1,0,2]], det K = 4.
        var input = new ProxyInput(net, tensor(new[] { 1.0, -1.0, 1.0, 1.0, -1.0, -1.0 }, [3, 2]),
            tensor(new long[] { 0, 1, 0 }));
        Assert.That(ProxyRunner.Score(new NwotProxy(), input), Is.EqualTo(Math.Log(4)).Within(1e-12));
    }

    [Test]
    public void Params_And_Flops_CountByHand()
    {
        var net = nn.Sequential(nn.Conv2d(1, 2, 3, padding: 1, bias: true), nn.Flatten(),
            nn.Linear(32, 3, hasBias: false));
        var input = new ProxyInput(net, zeros(5, 1, 4, 4), zeros(5, dtype: ScalarType.Int64));
        Assert.That(ProxyRunner.Score(new ParamsProxy(), input), Is.EqualTo(2 * 9 + 2 + 32 * 3));
        // conv: 2×4×4 outputs × 9 MACs each; linear: 32×3; for one image.
        Assert.That(ProxyRunner.Score(new FlopsProxy(), input), Is.EqualTo(32 * 9 + 96));
    }
}
