using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces;

/// <summary>
/// One supernet edge of any cell space: every candidate operation, mixed by a weight vector the caller forms
/// (softmax of α for DARTS; Gumbel or Dirichlet samples, masks or one-hot rows for other trainers and selectors).
/// A space decides which operations an edge holds (NB201's five; DARTS's eight with non-affine BN after its pools,
/// as quark0/darts <c>cnn/model_search.py</c> <c>MixedOp</c>); the mixing is the same everywhere.
/// </summary>
public sealed class MixedOp : nn.Module
{
    readonly ModuleList<nn.Module<Tensor, Tensor>> ops;
    readonly int _none;

    /// <param name="operations">The edge's candidates in the space's operation order.</param>
    /// <param name="noneIndex">Where <c>none</c> stands in that order (it is never run while another op is).</param>
    public MixedOp(IEnumerable<nn.Module<Tensor, Tensor>> operations, int noneIndex) : base(nameof(MixedOp))
    {
        ops = nn.ModuleList(operations.ToArray());
        _none = noneIndex;
        RegisterComponents();
    }

    /// <summary>The candidate operations in the space's order.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Operations => ops.ToList();

    /// <summary>
    /// Σ_k weights[k]·op_k(x); the <c>none</c> op contributes zero whatever its weight (and its weight's gradient,
    /// op_none(x), is zero too), so it is not run unless it is the only op. With an <paramref name="active"/> op only
    /// that one is computed, and the other weights are added as scalars so a straight-through estimator still
    /// reaches their α (GDAS).
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
        return sum ?? ops[_none].call(input).mul(weights[_none]);
    }
}
