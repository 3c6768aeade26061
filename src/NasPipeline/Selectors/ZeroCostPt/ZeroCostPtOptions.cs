using NasPipeline.Manifest;
using NasPipeline.Proxies;

namespace NasPipeline.Selectors.ZeroCostPt;

/// <summary>Zero-Cost-PT (Xiang et al., AAAI 2023) defaults: NASWOT, 10 passes, batch 64, 5 validation batches.</summary>
public sealed record ZeroCostPtOptions(string Proxy, int PoolSize, int ValidateBatches, int BatchSize, bool ExcludeNone)
{
    public static ZeroCostPtOptions Read(TomlSection s) => new(
        s.Choice("proxy", "nwot", ProxyCatalog.Default.Keys.ToArray()), s.Int("pool_size", 10, min: 1),
        s.Int("validate_batches", 5, min: 1), s.Int("batch_size", 64, min: 2), s.Bool("exclude_none", false));
}
