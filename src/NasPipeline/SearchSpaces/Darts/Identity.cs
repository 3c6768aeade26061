using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// <c>skip_connect</c> at stride 1. Its own type because the evaluation cell never drops an identity path
/// (quark0/darts <c>cnn/model.py</c>: <c>if not isinstance(op, Identity)</c>).
/// </summary>
public sealed class Identity : nn.Module<Tensor, Tensor>
{
    public Identity() : base(nameof(Identity)) { }

    // alias() gives a new handle so callers may dispose the result without freeing the input.
    public override Tensor forward(Tensor input) => input.alias();
}
