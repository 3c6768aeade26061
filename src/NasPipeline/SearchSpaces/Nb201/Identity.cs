using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>The <c>skip_connect</c> operation for a stride-1 edge with equal channels.</summary>
public sealed class Identity : nn.Module<Tensor, Tensor>
{
    public Identity() : base(nameof(Identity)) { }

    // alias() gives a new handle so callers may dispose the result without freeing the input.
    public override Tensor forward(Tensor input) => input.alias();
}
