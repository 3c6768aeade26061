using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>
/// A cell with one operation per edge; node i is the sum of its incoming edges, the output is node 3.
/// </summary>
public sealed class DiscreteCell : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<nn.Module<Tensor, Tensor>> edges;

    public DiscreteCell(Genotype genotype, int channels) : base(nameof(DiscreteCell))
    {
        edges = nn.ModuleList(genotype.Operations.Select(op =>
            Nb201Operations.Create(op, channels, affine: true)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => CellGraph.Forward(input, (edge, x) => edges[edge].call(x));
}
