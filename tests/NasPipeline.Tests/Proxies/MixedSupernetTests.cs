using NasPipeline.Proxies;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Tests.Trainers;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Proxies;

/// <summary>
/// Proxies score a supernet through <see cref="MixedSupernet"/>, which runs the per-op forward: their hooks on op
/// modules (fisher's convs, nwot's ReLUs, synflow's norms, flops' convs) would not fire in the fused cells.
/// </summary>
public sealed class MixedSupernetTests
{
    public static IEnumerable<string> Names() => ProxyCatalog.Default.Names;

    /// <summary>The supernet at one mixing, run per op (fuse = false) or fused, as a plain network.</summary>
    sealed class Explicit : nn.Module<Tensor, Tensor>
    {
        readonly Nb201Supernet supernet;
        readonly Mixing mixing;
        readonly bool fuse;

        public Explicit(Nb201Supernet supernet, Mixing mixing, bool fuse) : base(nameof(Explicit))
        {
            (this.supernet, this.mixing, this.fuse) = (supernet, mixing, fuse);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => supernet.Forward(input, mixing, fuse);

        public ProxyInput Input(Tensor images, Tensor labels, IReadOnlyList<nn.Module> unused) =>
            new(this, images, labels, () => new Explicit(supernet.Float64Copy(),
                mixing.Map(c => c with { Weights = c.Weights.to(ScalarType.Float64) }), fuse), unused, Seed: 4);
    }

    static double Score(string proxy, Func<Nb201Supernet, Mixing, Tensor, Tensor, ProxyInput> input)
    {
        using var _ = NewDisposeScope();
        using var supernet = TrainerKit.Supernet();
        var batch = TrainerKit.RandomBatch(8);
        var mixing = new Mixing(supernet.SoftmaxWeights().detach());
        manual_seed(3);
        return ProxyRunner.Score(ProxyCatalog.Create(proxy), input(supernet, mixing, batch.Images, batch.Labels));
    }

    static double PerOp(string proxy, bool fuse = false) => Score(proxy, (supernet, mixing, images, labels) =>
        new Explicit(supernet, mixing, fuse).Input(images, labels,
            new MixedSupernet(supernet, mixing).UnusedOperations()));

    [TestCaseSource(nameof(Names))]
    public void Score_IsThePerOpForwardsScore(string proxy)
    {
        var mixed = Score(proxy, (supernet, mixing, images, labels) =>
            new MixedSupernet(supernet, mixing).Input(images, labels, seed: 4));
        Assert.That(mixed, Is.EqualTo(PerOp(proxy)));
    }

    [TestCase("fisher")]
    [TestCase("nwot")]
    [TestCase("flops")]
    [TestCase("synflow")]
    public void Score_OfAFusedForward_WouldDiffer(string proxy) =>
        Assert.That(PerOp(proxy, fuse: true), Is.Not.EqualTo(PerOp(proxy)));
}
