using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// The <c>none</c> operation: zeros of the output's shape, at stride 2 of every other pixel
/// (quark0/darts <c>cnn/operations.py</c> <c>Zero</c>: <c>x[:, :, ::s, ::s].mul(0.)</c>).
/// </summary>
public sealed class Zero : nn.Module<Tensor, Tensor>
{
    readonly long _stride;

    public Zero(int stride) : base(nameof(Zero)) => _stride = stride;

    public override Tensor forward(Tensor input)
    {
        if (_stride == 1) return input.mul(0.0);
        var everyOther = TensorIndex.Slice(step: _stride);
        return input[.., .., everyOther, everyOther].mul(0.0);
    }
}
