using NasPipeline.Manifest;
using NasPipeline.Proxies;

namespace NasPipeline.Selectors.ZeroCostPt;

/// <summary>
/// Zero-Cost-PT (Xiang et al., AAAI 2023). Defaults are its NB201 pipeline (visionbasicagent/zerocost_operation_score
/// <c>exp_scripts/zerocostpt_nb201_pipeline.sh</c>): NASWOT (<c>jacob</c>), a pool of 10 proposals, random edge
/// order, batches of 256, candidates validated on 100 batches. A manifest scales them down for small machines.
/// </summary>
public sealed record ZeroCostPtOptions(
    string Proxy, int PoolSize, int ValidateBatches, int BatchSize, string EdgeOrder, bool ExcludeNone)
{
    public static ZeroCostPtOptions Read(TomlSection s) => new(
        s.Choice("proxy", "nwot", ProxyCatalog.Default.Names.ToArray()), s.Int("pool_size", 10, min: 1),
        s.Int("validate_batches", 100, min: 1), s.Int("batch_size", 256, min: 2),
        s.Choice("edge_order", "random", ["random", "sequential"]), s.Bool("exclude_none", false));
}
