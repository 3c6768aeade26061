using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>A cell with one operation per edge; node i is the sum of its incoming edges, the output is node 3.</summary>
public sealed class DiscreteCell : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<nn.Module<Tensor, Tensor>> edges;

    public DiscreteCell(Genotype genotype, int channels) : base(nameof(DiscreteCell))
    {
        edges = nn.ModuleList(genotype.Operations.Select(op => Nb201Operations.Create(op, channels, affine: true)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        // Intermediate nodes are left to the caller's dispose scope: edges may alias their input (skip_connect).
        var nodes = new List<Tensor> { input };
        for (var to = 1; to < Nb201Space.Nodes; to++)
        {
            var sum = edges[Nb201Space.EdgeIndex(to, 0)].forward(nodes[0]);
            for (var from = 1; from < to; from++)
                sum = sum.add(edges[Nb201Space.EdgeIndex(to, from)].forward(nodes[from]));
            nodes.Add(sum);
        }
        return nodes[^1];
    }
}
