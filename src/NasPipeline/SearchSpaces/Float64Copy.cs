using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces;

/// <summary>
/// A float64 twin of a network, for proxies that overflow float32 (synflow). Built fresh under a float64 default
/// dtype and filled by copying, because TorchSharp's Module.to(dtype) replaces the caller's parameter objects.
/// </summary>
public static class Float64Copy
{
    public static T Of<T>(T source, Func<T> build) where T : nn.Module
    {
        var previous = get_default_dtype();
        set_default_dtype(ScalarType.Float64);
        T copy;
        try { copy = build(); }
        finally { set_default_dtype(previous); }
        using var _ = no_grad();
        foreach (var ((_, from), (_, to)) in source.named_parameters().Zip(copy.named_parameters())) to.copy_(from);
        foreach (var ((_, from), (_, to)) in source.named_buffers().Zip(copy.named_buffers())) to.copy_(from);
        return copy;
    }
}
