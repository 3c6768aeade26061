using System.Globalization;
using NasPipeline.Artifacts;
using NasPipeline.Benchmarks;
using NasPipeline.Manifest;
using NasPipeline.ProxyStudy;

namespace NasPipeline.Reporting;

/// <summary>
/// The proxy-versus-benchmark table: one row per proxy, cells "Spearman ρ / Kendall τ" against each benchmark accuracy.
/// </summary>
public sealed record ProxyStudyModel(int Architectures, int Seed, string Table, IReadOnlyList<ProxyRow> Rows);

/// <summary>
/// One proxy; Rss is the settled resident memory after the first 100 architectures → at the end (MB).
/// </summary>
public sealed record ProxyRow(
    string Proxy, string Data, string Scored, string Seconds, string Rss,
    string Cifar10Valid, string Cifar10Test, string Cifar100Test, string ImageNet16Test);

/// <summary>Correlates each proxy node's scores with the table, for the report and proxy-correlations.csv.</summary>
public static class ProxyStudyReport
{
    public sealed record CsvRow(
        string Proxy, bool UsesData, string Data, int Architectures, int Failed, double Seconds, double? RssFirstMb,
        double? RssLastMb, double SpearmanCifar10Valid, double KendallCifar10Valid, double SpearmanCifar10Test,
        double KendallCifar10Test, double SpearmanCifar100Test, double KendallCifar100Test,
        double SpearmanImageNet16Test, double KendallImageNet16Test);

    public sealed record Entry(ProxyScoresArtifact Scores, double Seconds, ProxyCorrelation Correlation);

    public static IReadOnlyList<Entry> Correlate(
        IEnumerable<(ProxyScoresArtifact Scores, double Seconds)> proxies, Nb201Table table) =>
        proxies.Select(p => new Entry(p.Scores, p.Seconds,
            ProxyCorrelation.Of(p.Scores.Proxy, p.Scores.Data, p.Scores.Scores, table))).ToList();

    public static ProxyStudyModel Model(ProxyStudySection study, string tablePath, IReadOnlyList<Entry> entries)
    {
        static string F(double v) => double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";
        static string Cell(RankCorrelation r) => $"{F(r.Spearman)} / {F(r.Kendall)}";
        return new ProxyStudyModel(study.Architectures, study.Seed, tablePath, entries.Select(e =>
        {
            var c = e.Correlation;
            var scored = c.Failed == 0 ? $"{c.Architectures}" : $"{c.Architectures - c.Failed} ({c.Failed} non-finite)";
            var rss = e.Scores.RssBytes is [var first, .., var last] ? $"{first / 1048576} → {last / 1048576}"
                : e.Scores.RssBytes is [var only] ? $"{only / 1048576}" : "–";
            return new ProxyRow(Proxy: c.Proxy, Data: c.Data, Scored: scored,
                Seconds: e.Seconds.ToString("F1", CultureInfo.InvariantCulture), Rss: rss,
                Cifar10Valid: Cell(c.Cifar10Valid), Cifar10Test: Cell(c.Cifar10Test),
                Cifar100Test: Cell(c.Cifar100Test), ImageNet16Test: Cell(c.ImageNet16Test));
        }).ToList());
    }

    /// <summary>
    /// The table for the report and, per proxy, each architecture's score against its CIFAR-10 test accuracy.
    /// </summary>
    public static ProxyStudyInputs Inputs(
        ProxyStudySection study, string tablePath, IReadOnlyList<Entry> entries, Nb201Table table) =>
        new(Model(study, tablePath, entries), entries.Select(e => (e.Scores.Proxy,
            $"Spearman ρ = {e.Correlation.Cifar10Test.Spearman.ToString("F3", CultureInfo.InvariantCulture)}",
            (IReadOnlyList<(double, double)>)e.Scores.Scores
                .Select(s => (s.Score ?? double.NaN, table.Lookup(s.Arch).Cifar10Test)).ToList())).ToList());

    public static void WriteCsv(string path, IReadOnlyList<Entry> entries) =>
        Csv.Write(path, entries.Select(e =>
        {
            var c = e.Correlation;
            double? Mb(int index) =>
                e.Scores.RssBytes.Count > 0 ? Math.Round(e.Scores.RssBytes[index] / 1048576.0, 1) : null;
            return new CsvRow(Proxy: c.Proxy, UsesData: e.Scores.UsesData, Data: c.Data,
                Architectures: c.Architectures, Failed: c.Failed, Seconds: Math.Round(e.Seconds, 2),
                RssFirstMb: Mb(0), RssLastMb: Mb(e.Scores.RssBytes.Count - 1),
                SpearmanCifar10Valid: c.Cifar10Valid.Spearman, KendallCifar10Valid: c.Cifar10Valid.Kendall,
                SpearmanCifar10Test: c.Cifar10Test.Spearman, KendallCifar10Test: c.Cifar10Test.Kendall,
                SpearmanCifar100Test: c.Cifar100Test.Spearman, KendallCifar100Test: c.Cifar100Test.Kendall,
                SpearmanImageNet16Test: c.ImageNet16Test.Spearman, KendallImageNet16Test: c.ImageNet16Test.Kendall);
        }));
}
