using NasPipeline.Manifest;

namespace NasPipeline.Proxies.Nwot;

/// <summary>
/// NASWOT's own keys: <c>batch_norm</c>, the BN mode of the scoring forward pass. "train" (default) as NASWOT's
/// score_networks.py scores freshly built networks (batch statistics); "eval" as Zero-Cost-PT's projection scores
/// its supernet (<c>model.eval()</c> in its Jocab_Score: running statistics).
/// </summary>
public sealed record NwotOptions(string BatchNorm)
{
    public static readonly NwotOptions Default = new("train");

    public static NwotOptions Read(TomlSection s) =>
        new(s.Choice("batch_norm", Default.BatchNorm, ["train", "eval"]));
}
