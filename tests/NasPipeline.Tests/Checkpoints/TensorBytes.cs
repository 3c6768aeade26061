using static TorchSharp.torch;

namespace NasPipeline.Tests.Checkpoints;

/// <summary>A module's parameters and buffers as raw bytes by name, for bit-for-bit comparisons.</summary>
public static class TensorBytes
{
    public static Dictionary<string, byte[]> Of(nn.Module module)
    {
        using var scope = NewDisposeScope();
        return module.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().contiguous().bytes.ToArray());
    }
}
