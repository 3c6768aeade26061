using NasPipeline.Benchmarks;
using NasPipeline.Data;
using NasPipeline.Graph;
using NasPipeline.Manifest;

namespace NasPipeline.Stages;

/// <summary>
/// What nodes read besides manifest sections and upstream results, loaded once per process and only when a node
/// first asks: the data set and the NAS-Bench-201 table.
/// </summary>
public sealed class StudyResources(ExperimentManifest manifest, IPipelineLog log)
{
    readonly Lazy<SearchData> _data = new(() =>
    {
        log.Info($"loading {manifest.Dataset.Name} data");
        return SearchData.Load(manifest.Dataset);
    });

    readonly Lazy<Nb201Table> _table = new(() =>
    {
        log.Info($"loading NAS-Bench-201 table {manifest.Benchmark.Table}");
        return Nb201Table.Load(manifest.Benchmark);
    });

    public SearchData Data() => _data.Value;

    public Nb201Table Table() => _table.Value;
}
