using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using Dirichlet = NasPipeline.Trainers.DrNas.Dirichlet;
using Gumbel = NasPipeline.Trainers.Sampling.Gumbel;
using NasPipeline.Trainers.Sdarts;
using BatchNorm2d = TorchSharp.Modules.BatchNorm2d;
using static TorchSharp.torch;

namespace NasPipeline.Tests.SearchSpaces.Nb201;

/// <summary>
/// The fused cell forward (edges leaving a node computed together) against the per-op forward, for every mixing
/// the trainers and selectors use: same logits, loss, gradients of weights and α, and BN statistics.
/// </summary>
public sealed class FusedCellTests
{
    /// <summary>A mixing of a supernet, formed from its own α so that gradients reach it, with a fixed draw.</summary>
    public sealed record MixingCase(string Name, Func<Nb201Supernet, Mixing> Of)
    {
        public override string ToString() => Name;
    }

    static Generator Draw() => new Generator(11);

    public static IEnumerable<MixingCase> Mixings() =>
    [
        new("darts softmax(α)", s => new Mixing(s.SoftmaxWeights())),
        new("drnas Dirichlet sample", s => new Mixing(Dirichlet.Sample(Dirichlet.Concentration(s.Alpha), Draw()))),
        new("snas Gumbel soft", s => new Mixing(Gumbel.Soft(s.Alpha, 2.0, Draw()))),
        new("gdas hard, one active op", s => new Mixing([Gumbel.Hard(s.Alpha, 1.0, Draw())])),
        new("sdarts perturbed", s => new Mixing(Perturbation.Random(s.SoftmaxWeights().detach(), 0.3, Draw()))),
        new("pt: a removed op", s => new Mixing(s.SoftmaxWeights().mul(RemovedOp(s.Alpha.dtype)))),
        new("pt: decided rows one-hot", s => new Mixing(s.SoftmaxWeights()).Fix([[3, -1, 1, -1, 2, -1]])),
        new("zc: decided rows and a removed op", s => new Mixing(s.SoftmaxWeights().detach()
            .mul(RemovedOp(s.Alpha.dtype))).Fix([[-1, 4, -1, -1, -1, 3]])),
    ];

    /// <summary>Zero on nor_conv_3x3 of edge 2 and skip_connect of edge 3, one elsewhere.</summary>
    static Tensor RemovedOp(ScalarType dtype)
    {
        var mask = ones(Nb201Space.EdgeCount, Nb201Space.OperationCount, dtype);
        mask[2, Nb201Space.OperationIndex("nor_conv_3x3")] = tensor(0.0, dtype);
        mask[3, Nb201Space.OperationIndex("skip_connect")] = tensor(0.0, dtype);
        return mask;
    }

    /// <summary>
    /// Two float64 twins of one supernet (C=4, two cells per stage) with random α, conv biases and BN running
    /// statistics, so evaluation mode reads statistics that differ per channel.
    /// </summary>
    static (Nb201Supernet Fused, Nb201Supernet PerOp) Twins()
    {
        manual_seed(5);
        using var source = new Nb201Supernet(4, 2, 1, 3);
        using (no_grad())
        {
            source.Alpha.copy_(randn(source.Alpha.shape));
            foreach (var (name, parameter) in source.named_parameters())
                if (name.EndsWith(".bias")) parameter.copy_(randn(parameter.shape).mul(0.1));
            foreach (var bn in source.modules().OfType<BatchNorm2d>())
            {
                bn.running_mean!.copy_(randn(bn.running_mean.shape).mul(0.1));
                bn.running_var!.copy_(rand(bn.running_var!.shape).add(0.5));
            }
        }
        return (source.Float64Copy(), source.Float64Copy());
    }

    static (Tensor Logits, Tensor Loss) Step(Nb201Supernet supernet, MixingCase mixing, bool fuse, bool training)
    {
        manual_seed(9);
        var images = randn([6, 1, 8, 8], ScalarType.Float64);
        var labels = randint(0, 3, [6]);
        supernet.train(training);
        supernet.zero_grad();
        var logits = supernet.Forward(images, mixing.Of(supernet), fuse);
        var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();
        return (logits, loss);
    }

    static void AssertClose(Tensor? actual, Tensor? expected, string what)
    {
        Assert.That(actual is null, Is.EqualTo(expected is null), $"{what}: gradient on one side only");
        if (actual is null || expected is null) return;
        var gap = actual.sub(expected).abs().max().item<double>();
        var scale = expected.abs().max().item<double>();
        Assert.That(gap, Is.LessThanOrEqualTo(1e-10 * Math.Max(1, scale)), $"{what}: fused and per-op differ");
    }

    [Test]
    public void Forward_FusedAndPerOp_SameLogitsLossGradientsAndStatistics(
        [ValueSource(nameof(Mixings))] MixingCase mixing, [Values] bool training)
    {
        using var _ = NewDisposeScope();
        var (fused, perOp) = Twins();
        using (fused)
        using (perOp)
        {
            var (fusedLogits, fusedLoss) = Step(fused, mixing, fuse: true, training);
            var (perOpLogits, perOpLoss) = Step(perOp, mixing, fuse: false, training);
            AssertClose(fusedLogits, perOpLogits, "logits");
            AssertClose(fusedLoss, perOpLoss, "loss");
            foreach (var ((name, a), (_, b)) in fused.named_parameters().Zip(perOp.named_parameters()))
                AssertClose(a.grad, b.grad, $"gradient of {name}");
            foreach (var ((name, a), (_, b)) in fused.named_buffers().Zip(perOp.named_buffers()))
                Assert.That(a.allclose(b, rtol: 1e-12, atol: 1e-14), Is.True, $"buffer {name}");
        }
    }

    [Test]
    public void Forward_InTrainingMode_MovesEveryEdgeStatistics()
    {
        using var _ = NewDisposeScope();
        var (fused, perOp) = Twins();
        using (fused)
        using (perOp)
        {
            var before = fused.named_buffers().ToDictionary(b => b.name, b => b.buffer.clone());
            Step(fused, Mixings().First(), fuse: true, training: true);
            var cellBuffers = fused.named_buffers().Where(b => b.name.Contains("edges")).ToList();
            Assert.That(cellBuffers, Is.Not.Empty);
            foreach (var (name, buffer) in cellBuffers)
                Assert.That(buffer.allclose(before[name], rtol: 0, atol: 0), Is.False, $"{name} did not move");
        }
    }

    [Test]
    public void Forward_Float32_MatchesPerOpWithinFloatPrecision()
    {
        using var _ = NewDisposeScope();
        manual_seed(3);
        using var fused = new Nb201Supernet(4, 1, 1, 3);
        using var perOp = new Nb201Supernet(4, 1, 1, 3);
        perOp.load_state_dict(fused.state_dict());
        var images = randn(8, 1, 8, 8);
        using (no_grad())
        {
            var a = fused.Forward(images, new Mixing(fused.SoftmaxWeights()));
            var b = perOp.Forward(images, new Mixing(perOp.SoftmaxWeights()), fuse: false);
            Assert.That(a.allclose(b, rtol: 1e-5, atol: 1e-5), Is.True);
        }
    }

    /// <summary>
    /// Training hands the supernet channels-last batches: the fused forward's gradients there match the per-op ones
    /// in float32 precision, for one cell per stage (so a source node with a single outgoing edge occurs at every
    /// width; its per-channel BN scale must be dense, or libtorch reads past it).
    /// </summary>
    [Test]
    public void Backward_ChannelsLastFloat32_MatchesPerOp([ValueSource(nameof(Mixings))] MixingCase mixing)
    {
        using var _ = NewDisposeScope();
        manual_seed(4);
        using var fused = new Nb201Supernet(4, 1, 1, 3);
        using var perOp = new Nb201Supernet(4, 1, 1, 3);
        perOp.load_state_dict(fused.state_dict());
        using (no_grad()) perOp.Alpha.copy_(fused.Alpha.copy_(randn(fused.Alpha.shape)));
        var images = NasPipeline.Training.ChannelsLast.Of(randn(16, 1, 8, 8));
        var labels = randint(0, 3, [16]);
        foreach (var (net, fuse) in new[] { (fused, true), (perOp, false) })
            nn.functional.cross_entropy(net.Forward(images, mixing.Of(net), fuse), labels).backward();
        foreach (var ((name, a), (_, b)) in fused.named_parameters().Zip(perOp.named_parameters()))
        {
            if (a.grad is null || b.grad is null)
            {
                Assert.That(a.grad is null, Is.EqualTo(b.grad is null), $"{name}: gradient on one side only");
                continue;
            }
            Assert.That(a.grad.isfinite().all().item<bool>(), Is.True, $"{name}: non-finite gradient");
            Assert.That(a.grad.allclose(b.grad, rtol: 1e-3, atol: 1e-5), Is.True, $"gradient of {name}");
        }
    }

    /// <summary>The forward hooks of every op module, counting calls.</summary>
    static (Func<int> Calls, Action Remove) CountOpCalls(Nb201Supernet supernet)
    {
        var calls = 0;
        var removers = supernet.Cells.SelectMany(cell => cell.Edges).SelectMany(edge => edge.Operations)
            .Select(op => (Action)op.register_forward_hook((_, _, output) => { calls++; return output; }).remove)
            .ToList();
        return (() => calls, () => removers.ForEach(remove => remove()));
    }

    [Test]
    public void Forward_SoftMixing_CallsNoOpModule_UnlessNotFused()
    {
        using var _ = NewDisposeScope();
        using var supernet = new Nb201Supernet(4, 1, 1, 3);
        var images = randn(2, 1, 8, 8);
        var (calls, remove) = CountOpCalls(supernet);
        try
        {
            supernet.Forward(images, new Mixing(supernet.SoftmaxWeights()));
            Assert.That(calls(), Is.Zero, "fused");
            supernet.Forward(images, new Mixing(supernet.SoftmaxWeights()), fuse: false);
            // Three cells, six edges, four ops each (none is never run).
            Assert.That(calls(), Is.EqualTo(3 * 6 * 4), "per op");
        }
        finally { remove(); }
    }

    [Test]
    public void Forward_ActiveOps_RunPerOpEvenWhenFused()
    {
        using var _ = NewDisposeScope();
        using var supernet = new Nb201Supernet(4, 1, 1, 3);
        var images = randn(2, 1, 8, 8);
        var (calls, remove) = CountOpCalls(supernet);
        try
        {
            supernet.Forward(images, Mixing.OneHot(supernet.Space, [[1, 2, 3, 4, 3, 2]]));
            Assert.That(calls(), Is.EqualTo(3 * 6));
        }
        finally { remove(); }
    }

    [Test]
    public void NormStatistics_StayShared_ThroughACheckpointRoundTrip()
    {
        using var _ = NewDisposeScope();
        manual_seed(2);
        using var saved = new Nb201Supernet(4, 1, 1, 3);
        using var loaded = new Nb201Supernet(4, 1, 1, 3);
        saved.Forward(randn(4, 1, 8, 8), new Mixing(saved.SoftmaxWeights()));
        using (var stream = new MemoryStream())
        {
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
                saved.save(writer);
            stream.Position = 0;
            using var reader = new BinaryReader(stream);
            loaded.load(reader);
        }
        Assert.That(loaded.Cells.All(cell => cell.SharesNormStatistics), Is.True);
        foreach (var ((name, a), (_, b)) in saved.named_buffers().Zip(loaded.named_buffers()))
            Assert.That(a.allclose(b, rtol: 0, atol: 0), Is.True, name);
        // The loaded supernet's fused step moves the loaded statistics as the per-op step moves the saved ones.
        var images = randn(4, 1, 8, 8);
        loaded.Forward(images, new Mixing(loaded.SoftmaxWeights()));
        saved.Forward(images, new Mixing(saved.SoftmaxWeights()), fuse: false);
        foreach (var ((name, a), (_, b)) in saved.named_buffers().Zip(loaded.named_buffers()))
            Assert.That(a.allclose(b, rtol: 1e-5, atol: 1e-6), Is.True, name);
    }
}
