using NasPipeline.Manifest;
using NasPipeline.Proxies;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.Selectors;
using NasPipeline.Selectors.ZeroCostPt;
using NasPipeline.Tests.Trainers;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Selectors.ZeroCostPt;

/// <summary>
/// Zero-Cost-PT in the DARTS space (visionbasicagent/zerocost_operation_score
/// <c>sota/cnn/networks_proposal.py</c>, <c>init_projection.pt_project</c>): 17 rounds per pass, one batch per round.
/// </summary>
public sealed class ZeroCostPtDartsTests
{
    static ZeroCostPtOptions Options(string keys) => ZeroCostPtOptions.Read(TomlDocument.Parse(keys, "t").Root);

    /// <summary>Scores by the batch it is given, and remembers which batch that was.</summary>
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

    /// <summary>
    /// <c>for step, (input, target) in enumerate(proj_queue)</c>: each round (a normal and a reduce decision) scores
    /// on one batch, the next round on the next: 14 rounds of 2 × 8 op removals, then 3 rounds of node removals.
    /// </summary>
    [Test]
    public void Propose_Darts_ScoresEachRoundOnItsOwnBatch()
    {
        var data = TrainerKit.TinyData();
        manual_seed(0);
        using var supernet = new DartsSearchNetwork(2, 3, 1, 3);
        var proxy = new BatchRecorder();
        var candidates = ZeroCostPtSelector.Propose(proxy, supernet, Options("pool_size = 1\nbatch_size = 8"), 0,
            data);
        var perRound = new List<double[]>();
        var calls = proxy.Batches.ToArray();
        var at = 0;
        foreach (var round in ProjectionPlan.Of(DartsSearchSpace.Instance, "random", 0).Rounds)
        {
            var count = round.Sum(d => d.Node?.Edges.Count ?? 8);
            perRound.Add(calls[at..(at + count)]);
            at += count;
        }
        Assert.That(at, Is.EqualTo(calls.Length));
        Assert.That(perRound, Has.Count.EqualTo(17));
        Assert.That(perRound.Select(r => r.Distinct().Count()), Is.All.EqualTo(1), "one batch per round");
        Assert.That(perRound.Select(r => r[0]).Distinct().Count(), Is.EqualTo(17), "a new batch for each");
        Assert.That(DartsSearchSpace.Of(candidates.Single()).Normal, Has.Count.EqualTo(8));
    }

    [Test]
    public void Select_Darts_ReturnsAValidValidatedCandidate()
    {
        var data = TrainerKit.TinyData();
        using var context = new SelectionContext(null, 0, () => throw new InvalidOperationException("untrained only"),
            () => data, untrained: () => new DartsSearchNetwork(2, 3, 1, 3), space: DartsSearchSpace.Instance);
        var result = new ZeroCostPtSelector(Options("pool_size = 2\nvalidate_batches = 1\nbatch_size = 8"))
            .Select(context);
        var genotype = DartsSearchSpace.Of(result.Genotype);
        Assert.That(DartsGenotype.Parse(genotype.ToString()), Is.EqualTo(genotype));
        Assert.That(result.Notes[0], Does.Contain("untrained networks"));
        Assert.That(result.Notes[1], Does.StartWith("nodes: normal node 3 kept inputs"));
    }
}
