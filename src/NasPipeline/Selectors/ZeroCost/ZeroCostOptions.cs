using NasPipeline.Manifest;
using NasPipeline.Proxies;

namespace NasPipeline.Selectors.ZeroCost;

/// <summary>
/// Zero-cost projection on the trained supernet: which proxy (from the method name), edge order, batch, and the
/// proxy's own options (zen: <c>repeats</c>), read from the same section.
/// </summary>
public sealed record ZeroCostOptions(string Proxy, string EdgeOrder, int BatchSize, bool ExcludeNone,
    object? ProxyOptions = null)
{
    public static ZeroCostOptions Read(TomlSection s, string proxy) => new(
        proxy, s.Choice("edge_order", "sequential", ["sequential", "random"]), s.Int("batch_size", 64, min: 2),
        s.Bool("exclude_none", false), ProxyCatalog.ReadOptions(proxy, s));
}
