using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// A cell of the evaluation network built from a genotype (quark0/darts <c>cnn/model.py</c> <c>Cell</c>): the
/// inputs preprocessed to C channels as in the search cell but affine, each intermediate node the sum of its two
/// genotype ops (stride 2 from the cell inputs in a reduction cell), output the concatenated nodes. In training
/// each op's output except an <see cref="Identity"/>'s goes through <see cref="DropPath"/>.
/// </summary>
public sealed class Cell : nn.Module
{
    readonly nn.Module<Tensor, Tensor> preprocess0, preprocess1;
    readonly ModuleList<nn.Module<Tensor, Tensor>> ops;
    readonly int[] _inputs, _concat;

    public Cell(DartsGenotype genotype, int channelsPrevPrev, int channelsPrev, int channels, bool reduction,
        bool reductionPrev) : base(nameof(Cell))
    {
        preprocess0 = reductionPrev
            ? new FactorizedReduce(channelsPrevPrev, channels, affine: true)
            : new ReLUConvBN(channelsPrevPrev, channels, 1, 1, 0, affine: true, bias: false);
        preprocess1 = new ReLUConvBN(channelsPrev, channels, 1, 1, 0, affine: true, bias: false);
        var genes = genotype.Genes(reduction);
        ops = nn.ModuleList(genes
            .Select(g => DartsOperations.Create(g.Operation, channels, DartsSpace.Stride(reduction, g.Input), true))
            .ToArray());
        _inputs = genes.Select(g => g.Input).ToArray();
        _concat = genotype.Concat(reduction).ToArray();
        Reduction = reduction;
        RegisterComponents();
    }

    public bool Reduction { get; }

    /// <summary>How many nodes the output concatenates: the output has this many times C channels.</summary>
    public int Multiplier => _concat.Length;

    /// <summary>
    /// The cell's output for inputs s0 (older) and s1; drop path with <paramref name="dropProbability"/> applies
    /// only in training mode (the reference's <c>if self.training and drop_prob > 0.</c>).
    /// </summary>
    public Tensor Forward(Tensor s0, Tensor s1, double dropProbability, Generator? generator = null)
    {
        var states = new List<Tensor> { preprocess0.call(s0), preprocess1.call(s1) };
        for (var node = 0; node < _inputs.Length / 2; node++)
        {
            var sum = Path(2 * node, states, dropProbability, generator)
                .add(Path(2 * node + 1, states, dropProbability, generator));
            states.Add(sum);
        }
        return cat(_concat.Select(i => states[i]).ToArray(), 1);
    }

    Tensor Path(int index, List<Tensor> states, double dropProbability, Generator? generator)
    {
        var op = ops[index];
        var output = op.call(states[_inputs[index]]);
        return training && dropProbability > 0 && op is not Identity
            ? DropPath.Apply(output, dropProbability, generator)
            : output;
    }
}
