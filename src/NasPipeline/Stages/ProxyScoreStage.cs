using NasPipeline.Artifacts;
using NasPipeline.Benchmarks;
using NasPipeline.Data;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Proxies;
using NasPipeline.ProxyStudy;

namespace NasPipeline.Stages;

/// <summary>
/// One proxy of the proxy study over the sampled NB201 architectures. One node per proxy, so adding a proxy to
/// the manifest computes only that proxy; data-free proxies are keyed without the data set, as they never read it.
/// </summary>
public sealed class ProxyScoreStage(
    string proxy, ProxyStudySection study, DatasetSection dataset, ComputeSettings compute, Func<Nb201Table> table,
    Func<SearchData> data)
    : IStage<ProxyScoresArtifact>
{
    readonly bool _usesData = ProxyCatalog.Create(proxy).UsesData;

    public string Name => "proxy";
    // 2: RSS checkpoints; 3: fisher per weight, synflow exact BN bypass, zen as ZenNAS; 4: pool as depthwise conv
    public int Version => 4;
    public string Label => $"proxy {proxy} on {study.Architectures} NB201 architectures seed={study.Seed}";

    public object Inputs => new
    {
        proxy, study.Architectures, study.Seed, study.BatchSize, table = table().Hash,
        dataset = _usesData ? dataset.Unaugmented() : null, compute,
    };

    public ProxyScoresArtifact Run(StageContext context)
    {
        var method = ProxyCatalog.Create(proxy);
        var architectures = table().Sample(study.Architectures, study.Seed);
        var search = _usesData ? data() : null;
        using var batch = search is null ? BenchmarkBatch.DataFree(study.BatchSize)
            : BenchmarkBatch.FromData(search, dataset.Name, study.BatchSize, study.Seed);
        // The benchmark's CIFAR-10 head; a data set with more classes (CIFAR-100) gets its own, as NB201 did.
        var classes = Math.Max(10, search?.Classes ?? 10);
        var result = ProxyScoring.Run(method, architectures, batch, classes, study.Seed,
            (done, eta) =>
            {
                context.Progress.Items(context.Label, done, architectures.Count, eta);
                // Minutes of scoring and no checkpoint: on a stop request end now, the rerun scores every architecture.
                if (done < architectures.Count) context.Stop.ThrowIfRequested(context.Label);
            });
        var artifact = new ProxyScoresArtifact(proxy, _usesData, batch.Description, "scores.csv",
            result.Scores, result.RssBytes);
        Csv.Write(Path.Combine(context.Directory, artifact.ScoresFile), result.Scores);
        return artifact;
    }
}
