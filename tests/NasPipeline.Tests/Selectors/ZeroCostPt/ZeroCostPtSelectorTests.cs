using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.Proxies;
using NasPipeline.Proxies.Nwot;
using NasPipeline.Selectors;
using NasPipeline.Selectors.ZeroCostPt;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Tests.Trainers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Selectors.ZeroCostPt;

/// <summary>
/// Zero-Cost-PT as visionbasicagent/zerocost_operation_score runs it on NB201 (<c>networks_proposal.py</c>,
/// <c>init_projection.pt_project</c>, <c>zerocostnas/post_validate.py</c>).
/// </summary>
public sealed class ZeroCostPtSelectorTests
{
    static ZeroCostPtOptions Options(string keys) => ZeroCostPtOptions.Read(TomlDocument.Parse(keys, "t").Root);

    [Test]
    public void Read_Defaults_AreTheNb201Pipeline()
    {
        var o = Options("");
        Assert.That((o.Proxy, o.PoolSize, o.ValidateBatches, o.BatchSize, o.EdgeOrder, o.ExcludeNone),
            Is.EqualTo(("nwot", 10, 100, 256, "random", false)));
    }

    /// <summary>
    /// NASWOT by hand: Σ over ReLU inputs of c cᵀ + (1 − c)(1 − c)ᵀ, log|det|, with BN as given.
    /// </summary>
    static double HandNwot(Nb201Supernet network, Mixing mixing, Tensor images, bool training)
    {
        var n = images.shape[0];
        var kernel = zeros([n, n], ScalarType.Float64);
        var hooks = network.modules().OfType<ReLU>().Select(relu => relu.register_forward_hook((_, input, output) =>
        {
            var c = input.detach().reshape(n, -1).gt(0).to(ScalarType.Float64);
            kernel.add_(c.matmul(c.t()).add(c.neg().add(1).matmul(c.neg().add(1).t())));
            return output;
        })).ToList();
        network.train(training);
        using (no_grad()) network.Forward(images, mixing, fuse: false); // hooks fire on the op modules only per op
        foreach (var hook in hooks) hook.remove();
        return linalg.slogdet(kernel).Item2.item<double>();
    }

    /// <summary>Its scorers call <c>model.eval()</c>: BN uses running statistics, not the batch's.</summary>
    [Test]
    public void Score_Nwot_RunsTheNetworkWithBatchNormInEvaluationMode()
    {
        using var network = TrainerKit.Supernet(6);
        using var images = randn(12, 1, 8, 8).mul(3).add(1);
        using var labels = randint(0, 3, [12]);
        using var weights = network.SoftmaxWeights().detach();
        var mixing = new Mixing(weights);
        var score = ZeroCostPtSelector.Score(new NwotProxy(), network, mixing, images, labels);
        Assert.That(score, Is.EqualTo(HandNwot(network, mixing, images, training: false)).Within(1e-6));
        Assert.That(score, Is.Not.EqualTo(HandNwot(network, mixing, images, training: true)).Within(1e-3),
            "BN in training mode (batch statistics) gives another score");
    }

    /// <summary>A proxy that scores by the batch it is given, and remembers which batch that was.</summary>
    sealed class BatchRecorder : IProxy
    {
        public List<double> Batches { get; } = [];
        public string Name => "recorder";
        public bool UsesData => true;

        public double Score(ProxyInput input)
        {
            var checksum = input.Images.sum().item<float>();
            Batches.Add(checksum);
            return checksum;
        }
    }

    /// <summary><c>pt_project</c> takes <c>next(iter(proj_queue))</c> for every edge it decides.</summary>
    [Test]
    public void Propose_ScoresEachEdgeDecisionOnAFreshBatch()
    {
        var data = TrainerKit.TinyData();
        using var supernet = TrainerKit.Supernet();
        var proxy = new BatchRecorder();
        ZeroCostPtSelector.Propose(proxy, supernet, Options("pool_size = 2\nbatch_size = 8"), 0, data);
        var perDecision = proxy.Batches.Chunk(5).ToList(); // 5 ops scored per edge decision
        Assert.That(perDecision, Has.Count.EqualTo(12));
        Assert.That(perDecision.Select(d => d.Distinct().Count()), Is.All.EqualTo(1), "one batch per decision");
        Assert.That(perDecision.Select(d => d[0]).Distinct().Count(), Is.EqualTo(12), "a new batch for each");
    }

    [Test]
    public void Select_ReturnsTheBestValidatedCandidate()
    {
        var data = TrainerKit.TinyData();
        using var context = new SelectionContext(null, 0, () => throw new InvalidOperationException("untrained only"),
            () => data, untrained: () => new Nb201Supernet(4, 1, 1, 3));
        var result = new ZeroCostPtSelector(Options("pool_size = 2\nvalidate_batches = 2\nbatch_size = 8"))
            .Select(context);
        Assert.That(result.Genotype.Choices[0], Has.Count.EqualTo(6));
        Assert.That(result.Notes.Single(), Does.Contain("untrained networks").And.Contain("over 2 batch(es)"));
    }
}
