namespace NasPipeline.Manifest;

/// <summary>
/// [proxy_study]: proxy-versus-benchmark correlation. <c>architectures</c> NB201 architectures are sampled with
/// <c>seed</c>, each built at the benchmark's size (C=16, N=5, 3×32×32, 10 classes) and scored by every proxy on one
/// batch of <c>batch_size</c> [dataset] training images.
/// </summary>
public sealed record ProxyStudySection(int Architectures, int Seed, IReadOnlyList<string> Proxies, int BatchSize)
{
    public static ProxyStudySection Read(
        TomlSection s, BenchmarkSection benchmark, SearchSpaceSection space, IReadOnlyList<string> proxyNames)
    {
        // The study builds NB201 networks for benchmark rows whatever [search_space] says: in a manifest of another
        // space it would report on cells that are not the study's.
        if (space.Name != "nb201")
            throw new ManifestException(s.Location,
                "[proxy_study] scores NB201 architectures from the NAS-Bench-201 table against their accuracies; " +
                $"it is defined on the nb201 space only, and this manifest's space is {space.Name}");
        var proxies = s.ChoiceList("proxies", ["synflow", "params", "flops"], proxyNames, "proxy");
        if (benchmark.Table is null)
            throw new ManifestException(s.Location,
                "[proxy_study] needs the benchmark table: add [benchmark] table = \"../shared/data/nb201/nb201.csv\"");
        var section = new ProxyStudySection(
            s.Int("architectures", 1000, min: 3, max: 15625), s.Int("seed", 0), proxies,
            s.Int("batch_size", 64, min: 1, max: 1024));
        s.RejectUnknownKeys();
        return section;
    }
}
