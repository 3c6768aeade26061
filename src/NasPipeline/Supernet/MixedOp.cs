using TorchSharp.Modules;
using NasPipeline.SearchSpaces.Nb201;
using static TorchSharp.torch;

namespace NasPipeline.Supernet;

/// <summary>
/// One supernet edge: every candidate operation, mixed by a weight vector the caller forms (softmax of α for
/// DARTS; samples or masks for other trainers and selectors).
/// </summary>
public sealed class MixedOp : nn.Module<Tensor, Tensor, Tensor>
{
    readonly ModuleList<nn.Module<Tensor, Tensor>> ops;
    readonly int _none = Nb201Space.OperationIndex("none");

    public MixedOp(int channels) : base(nameof(MixedOp))
    {
        // Supernet BN has no affine parameters (as in NB201/DARTS search), so α alone scales each op.
        ops = nn.ModuleList(Nb201Space.Operations.Select(op => Nb201Operations.Create(op, channels, affine: false)).ToArray());
        RegisterComponents();
    }

    /// <summary>Σ_k weights[k]·op_k(x). The <c>none</c> op contributes zero whatever its weight, so it is not run.</summary>
    public override Tensor forward(Tensor input, Tensor weights)
    {
        Tensor? sum = null;
        for (var k = 0; k < ops.Count; k++)
        {
            if (k == _none) continue;
            var term = ops[k].forward(input).mul(weights[k]);
            sum = sum is null ? term : sum.add(term);
        }
        return sum!;
    }
}
