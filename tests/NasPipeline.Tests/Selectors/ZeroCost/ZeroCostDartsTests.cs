using NasPipeline.Manifest;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.Selectors;
using NasPipeline.Selectors.ZeroCost;
using NasPipeline.Tests.Trainers;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Selectors.ZeroCost;

/// <summary>
/// <c>zc-&lt;proxy&gt;</c> in the DARTS space: Zero-Cost-PT's two phases (<c>sota/cnn/init_projection.py</c>
/// <c>pt_project</c>) on the trained supernet and one batch: every edge's op, then every node's two inputs.
/// </summary>
public sealed class ZeroCostDartsTests
{
    [Test]
    public void Select_Synflow_Darts_ReturnsAValidGenotype_NamingEachNodesInputs()
    {
        var data = TrainerKit.TinyData();
        var mixing = Enumerable.Range(0, 28).Select(e => Enumerable.Range(0, 8)
            .Select(k => (k + e) % 8 == 0 ? 0.3 : 0.1).ToArray()).ToArray();
        DartsSearchNetwork Trained()
        {
            manual_seed(5);
            return new DartsSearchNetwork(2, 3, 1, 3);
        }
        using var context = new SelectionContext(mixing, 0, Trained, () => data, space: DartsSearchSpace.Instance);
        var options = ZeroCostOptions.Read(TomlDocument.Parse("batch_size = 8", "t").Root, "synflow");
        var result = new ZeroCostSelector(options).Select(context);
        var genotype = DartsSearchSpace.Of(result.Genotype);
        Assert.That(DartsGenotype.Parse(genotype.ToString()), Is.EqualTo(genotype));
        Assert.That(genotype.Normal, Has.Count.EqualTo(8));
        Assert.That(genotype.Reduce, Has.Count.EqualTo(8));
        Assert.That(result.Notes[0], Does.Contain("edges in order 0,14,1,15").And.Contain("then nodes"));
        Assert.That(result.Notes[1], Does.StartWith("nodes: normal node 3 kept inputs"));
    }
}
