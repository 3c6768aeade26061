using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>
/// One supernet edge: every candidate operation, mixed by a weight vector the caller forms (softmax of α for
/// DARTS; samples or masks for other trainers and selectors).
/// </summary>
public sealed class MixedOp : nn.Module
{
    readonly ModuleList<nn.Module<Tensor, Tensor>> ops;
    readonly int _none = Nb201Space.OperationIndex("none");

    public MixedOp(int channels) : base(nameof(MixedOp))
    {
        // Supernet BN has no affine parameters (as in NB201/DARTS search), so α alone scales each op.
        ops = nn.ModuleList(Nb201Space.Operations.Select(op => Nb201Operations.Create(op, channels, affine: false)).ToArray());
        RegisterComponents();
    }

    /// <summary>The candidate operations in canonical NB201 order.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Operations => ops.ToList();

    /// <summary>
    /// Σ_k weights[k]·op_k(x); the <c>none</c> op contributes zero whatever its weight, so it is not run. With an
    /// <paramref name="active"/> op only that one is computed, and the other weights are added as scalars so a
    /// straight-through estimator still reaches their α (GDAS).
    /// </summary>
    public Tensor Forward(Tensor input, Tensor weights, int? active = null)
    {
        if (active is { } k)
        {
            var output = ops[k].call(input).mul(weights[k]);
            if (!weights.requires_grad) return output;
            // The other weights are added as scalars (zero in value): summed first, they cost one pass over the
            // output instead of one each, and each still gets the gradient Σ ∂L/∂output.
            using var others = tensor(Enumerable.Range(0, ops.Count).Where(j => j != k).Select(j => (long)j).ToArray(),
                device: weights.device);
            return output.add(weights.index_select(0, others).sum());
        }
        Tensor? sum = null;
        for (var j = 0; j < ops.Count; j++)
        {
            if (j == _none) continue;
            var term = ops[j].call(input).mul(weights[j]);
            sum = sum is null ? term : sum.add(term);
        }
        return sum!;
    }
}
