using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// A pooling op followed by a non-affine BN: how the DARTS search network wraps <c>max_pool_3x3</c> and
/// <c>avg_pool_3x3</c> in its MixedOp (quark0/darts <c>cnn/model_search.py</c>:
/// <c>if 'pool' in primitive: op = nn.Sequential(op, nn.BatchNorm2d(C, affine=False))</c>), so the pools'
/// outputs are on the scale of the convolutions' before α mixes them. The evaluation network has no such BN.
/// </summary>
public sealed class PoolBN : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> pool, bn;

    public PoolBN(nn.Module<Tensor, Tensor> pool, int channels) : base(nameof(PoolBN))
    {
        this.pool = pool;
        bn = nn.BatchNorm2d(channels, affine: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => bn.call(pool.call(input));
}
