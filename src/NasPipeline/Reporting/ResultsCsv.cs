using System.Globalization;
using CsvHelper;
using NasPipeline.Artifacts;
using NasPipeline.Caching;

namespace NasPipeline.Reporting;

/// <summary>The tidy results table: one row per trainer/selector/seed, and the pair summary.</summary>
public static class ResultsCsv
{
    public sealed record Row(
        string Experiment, string Trainer, string TrainerMethod, string Selector, string SelectorMethod, int Seed,
        string Genotype, double TestAccuracy, long Parameters, double TrainSeconds, double SelectSeconds, double RetrainSeconds);

    public sealed record SummaryRow(string Trainer, string Selector, int Runs, double MeanAccuracy, double StdAccuracy, double MinAccuracy, double MaxAccuracy);

    public static void WriteResults(string path, string experiment, IEnumerable<EvaluationArtifact> results) =>
        Write(path, results.Select(r => new Row(experiment, r.Trainer, r.TrainerMethod, r.Selector, r.SelectorMethod, r.Seed,
            r.Genotype, r.TestAccuracy, r.Parameters, Math.Round(r.TrainSeconds, 2), Math.Round(r.SelectSeconds, 3), Math.Round(r.RetrainSeconds, 2))));

    public static void WriteSummary(string path, IEnumerable<SummaryRow> rows) => Write(path, rows);

    static void Write<T>(string path, IEnumerable<T> rows) =>
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp);
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            csv.WriteRecords(rows);
        });
}
