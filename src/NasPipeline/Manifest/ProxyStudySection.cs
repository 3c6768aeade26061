using NasPipeline.Proxies;

namespace NasPipeline.Manifest;

/// <summary>
/// [proxy_study]: proxy-versus-benchmark correlation. <c>architectures</c> NB201 architectures are sampled with
/// <c>seed</c>, each built at the benchmark's size (C=16, N=5, 3×32×32, 10 classes) and scored by every proxy on one
/// batch of <c>batch_size</c> [dataset] training images.
/// </summary>
public sealed record ProxyStudySection(int Architectures, int Seed, IReadOnlyList<string> Proxies, int BatchSize)
{
    public static ProxyStudySection Read(TomlSection s, BenchmarkSection benchmark)
    {
        var proxies = s.ChoiceList("proxies", ["synflow", "params", "flops"], ProxyCatalog.Default.Keys.ToList(), "proxy");
        if (benchmark.Table is null)
            throw new ManifestException(s.Location, "[proxy_study] needs the benchmark table: add [benchmark] table = \"../shared/data/nb201/nb201.csv\"");
        var section = new ProxyStudySection(
            s.Int("architectures", 1000, min: 3, max: 15625), s.Int("seed", 0), proxies, s.Int("batch_size", 64, min: 1, max: 1024));
        s.RejectUnknownKeys();
        return section;
    }
}
