using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>
/// Several batch norms of one width whose running statistics are views into one stacked buffer each, so that one
/// batch_norm over their stacked channels updates every norm in place, and each norm's own forward updates the
/// stack. The norms stay ordinary modules (state dict, checkpoints and the per-op forward are unchanged). If a
/// norm's buffers were replaced (Module.to, a loader that swaps tensors) the stack is stale: the fused forward then
/// gathers the statistics and writes them back, which is correct, only slower.
/// </summary>
sealed class NormStack : IDisposable
{
    readonly BatchNorm2d[] _norms;
    readonly Tensor _means, _variances, _counts;
    readonly Tensor[] _meanViews, _varianceViews, _countViews;

    public NormStack(BatchNorm2d[] norms)
    {
        // BatchNorm2d uses a cumulative average for momentum 0 (or none); the supernet's norms never do.
        if (norms[0].momentum is not { } momentum || momentum == 0 || norms.Any(bn => bn.running_mean is null))
            throw new NotSupportedException("fused cells need batch norms with running statistics and a momentum");
        _norms = norms;
        var channels = norms[0].running_mean!.shape[0];
        using var _ = no_grad();
        _means = cat(norms.Select(bn => bn.running_mean!).ToList(), 0).DetachFromDisposeScope();
        _variances = cat(norms.Select(bn => bn.running_var!).ToList(), 0).DetachFromDisposeScope();
        _counts = stack(norms.Select(bn => bn.num_batches_tracked!).ToList(), 0).DetachFromDisposeScope();
        _meanViews = new Tensor[norms.Length];
        _varianceViews = new Tensor[norms.Length];
        _countViews = new Tensor[norms.Length];
        for (var k = 0; k < norms.Length; k++)
        {
            var offset = k * channels;
            norms[k].running_mean = _meanViews[k] = _means.narrow(0, offset, channels).DetachFromDisposeScope();
            norms[k].running_var = _varianceViews[k] = _variances.narrow(0, offset, channels).DetachFromDisposeScope();
            norms[k].num_batches_tracked = _countViews[k] = _counts.select(0, k).DetachFromDisposeScope();
        }
    }

    /// <summary>Whether every norm still holds its views of the stack.</summary>
    public bool Intact
    {
        get
        {
            for (var k = 0; k < _norms.Length; k++)
                if (!ReferenceEquals(_norms[k].running_mean, _meanViews[k]) ||
                    !ReferenceEquals(_norms[k].running_var, _varianceViews[k]) ||
                    !ReferenceEquals(_norms[k].num_batches_tracked, _countViews[k]))
                    return false;
            return true;
        }
    }

    /// <summary>
    /// Batch norm of <paramref name="input"/> (the norms' channels stacked) scaled per channel by
    /// <paramref name="scale"/>: batch statistics in training mode, moving every norm's running statistics and
    /// batch count as its own forward would; running statistics in evaluation mode.
    /// </summary>
    public Tensor Normalise(Tensor input, Tensor scale)
    {
        var first = _norms[0];
        var intact = Intact;
        var means = intact ? _means : cat(_norms.Select(bn => bn.running_mean!).ToList(), 0);
        var variances = intact ? _variances : cat(_norms.Select(bn => bn.running_var!).ToList(), 0);
        var output = nn.functional.batch_norm(input, means, variances, weight: scale, training: first.training,
            momentum: first.momentum!.Value, eps: first.eps);
        if (!first.training) return output;
        using var _ = no_grad();
        if (intact)
        {
            _counts.add_(1);
            return output;
        }
        var offset = 0L;
        foreach (var bn in _norms)
        {
            var channels = bn.running_mean!.shape[0];
            bn.running_mean.copy_(means.narrow(0, offset, channels));
            bn.running_var!.copy_(variances.narrow(0, offset, channels));
            bn.num_batches_tracked?.add_(1);
            offset += channels;
        }
        return output;
    }

    public void Dispose()
    {
        _means.Dispose();
        _variances.Dispose();
        _counts.Dispose();
    }
}
