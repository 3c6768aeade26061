using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>The <c>none</c> operation: the edge carries nothing (zeros of the input's shape).</summary>
public sealed class Zero : nn.Module<Tensor, Tensor>
{
    public Zero() : base(nameof(Zero)) { }

    public override Tensor forward(Tensor input) => input.mul(0.0);
}
