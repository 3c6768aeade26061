using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// One edge of the DARTS search cell: all 8 operations at the edge's stride, non-affine, pools followed by a
/// non-affine BN (quark0/darts <c>cnn/model_search.py</c> <c>MixedOp</c>), mixed by weights the caller forms
/// (softmax of α for DARTS; Gumbel or Dirichlet samples, masks or one-hot rows for other methods).
/// </summary>
public sealed class MixedOp : nn.Module
{
    static readonly int NoneIndex = DartsSpace.OperationIndex("none");
    readonly ModuleList<nn.Module<Tensor, Tensor>> ops;

    public MixedOp(int channels, int stride) : base(nameof(MixedOp))
    {
        ops = nn.ModuleList(DartsSpace.Operations
            .Select(op => DartsOperations.CreateForSearch(op, channels, stride)).ToArray());
        RegisterComponents();
    }

    /// <summary>The candidate operations in <see cref="DartsSpace.Operations"/> order.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Operations => ops.ToList();

    /// <summary>
    /// Σ_k weights[k]·op_k(x), as the reference. <c>none</c> adds exactly zero whatever its weight (and its
    /// weight's gradient, op_none(x), is zero too), so it is not run unless it is the only op with a weight.
    /// With an <paramref name="active"/> op only that one is computed (one sampled architecture, GDAS / RSWS); the
    /// other weights are added as scalars (zero in value, as GDAS's straight-through forward) so their α still
    /// gets a gradient.
    /// </summary>
    public Tensor Forward(Tensor input, Tensor weights, int? active = null)
    {
        if (active is { } k)
        {
            var output = ops[k].call(input).mul(weights[k]);
            if (!weights.requires_grad) return output;
            using var others = tensor(Enumerable.Range(0, ops.Count).Where(j => j != k).Select(j => (long)j).ToArray(),
                device: weights.device);
            return output.add(weights.index_select(0, others).sum());
        }
        Tensor? sum = null;
        for (var j = 0; j < ops.Count; j++)
        {
            if (j == NoneIndex) continue;
            var term = ops[j].call(input).mul(weights[j]);
            sum = sum is null ? term : sum.add(term);
        }
        return sum ?? ops[NoneIndex].call(input).mul(weights[NoneIndex]);
    }
}
