using NasPipeline.Reporting.Figures;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Tests.SearchSpaces.Darts;

namespace NasPipeline.Tests.Reporting.Figures;

/// <summary>The graph a cell diagram draws, read from the space's edges and a genotype's choices.</summary>
public sealed class CellDiagramTests
{
    static IEnumerable<(string From, string To, string? Operation)> Labelled(CellDiagram graph, bool concat) =>
        graph.Arrows.Where(a => a.IsConcat == concat).Select(a =>
            (graph.Nodes.Single(n => n.Id == a.From).Label, graph.Nodes.Single(n => n.Id == a.To).Label, a.Operation));

    [Test]
    public void Graphs_DartsV2_OneArrowPerKeptEdge_AndEveryIntermediateNodeIntoTheOutput()
    {
        var graphs = CellDiagramFigure.Graphs(DartsSearchSpace.Instance,
            DartsGenotype.Parse(PublishedGenotypes.DartsV2));
        Assert.That(graphs.Select(g => g.CellType), Is.EqualTo(new[] { "normal", "reduce" }));
        var normal = graphs[0];
        Assert.That(normal.Nodes.Select(n => n.Label),
            Is.EqualTo(new[] { "c_{k-2}", "c_{k-1}", "0", "1", "2", "3", "c_{k}" }));
        // DARTS_V2's normal genes, with genotype inputs 0, 1 drawn as c_{k-2}, c_{k-1} and 2.. as nodes 0..
        Assert.That(Labelled(normal, concat: false), Is.EquivalentTo(new (string, string, string?)[]
        {
            ("c_{k-2}", "0", "sep_conv_3x3"), ("c_{k-1}", "0", "sep_conv_3x3"),
            ("c_{k-2}", "1", "sep_conv_3x3"), ("c_{k-1}", "1", "sep_conv_3x3"),
            ("c_{k-1}", "2", "sep_conv_3x3"), ("c_{k-2}", "2", "skip_connect"),
            ("c_{k-2}", "3", "skip_connect"), ("0", "3", "dil_conv_3x3"),
        }));
        Assert.That(Labelled(normal, concat: true), Is.EquivalentTo(new (string, string, string?)[]
            { ("0", "c_{k}", null), ("1", "c_{k}", null), ("2", "c_{k}", null), ("3", "c_{k}", null) }));
        var reduce = graphs[1];
        Assert.That(reduce.Operations.Count(), Is.EqualTo(8), "two inputs per node, 14 − 6 edges dropped");
        Assert.That(Labelled(reduce, concat: false), Does.Contain(("c_{k-1}", "3", (string?)"max_pool_3x3"))
            .And.Contain(("0", "3", (string?)"skip_connect")));
    }

    [Test]
    public void Of_Nb201Cell_ChainOfFourNodesWithEverySixEdges_NoneIncluded()
    {
        var cell = Genotype.Parse(
            "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|");
        var graph = CellDiagramFigure.Graphs(Nb201SearchSpace.Instance, cell).Single();
        Assert.That(graph.IsChain);
        Assert.That(graph.Nodes.Select(n => (n.Label, n.Role)), Is.EqualTo(new[]
        {
            ("0", CellNodeRole.Input), ("1", CellNodeRole.Intermediate), ("2", CellNodeRole.Intermediate),
            ("3", CellNodeRole.Output),
        }));
        Assert.That(graph.Arrows.Select(a => (a.From, a.To, a.Operation)), Is.EqualTo(new (int, int, string?)[]
        {
            (0, 1, "nor_conv_3x3"), (0, 2, "none"), (1, 2, "skip_connect"), (0, 3, "avg_pool_3x3"),
            (1, 3, "nor_conv_1x1"), (2, 3, "nor_conv_3x3"),
        }));
    }

    [Test]
    public void Of_WrongNumberOfChoices_Throws() =>
        Assert.Throws<ArgumentException>(() => CellDiagram.Of(DartsSearchSpace.Cells[0], [0, 1, 2]));
}
