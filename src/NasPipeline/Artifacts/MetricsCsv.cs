using System.Globalization;
using CsvHelper;
using NasPipeline.Caching;
using NasPipeline.Training;

namespace NasPipeline.Artifacts;

/// <summary>Per-epoch metrics as CSV, for plotting outside the tool.</summary>
public static class MetricsCsv
{
    public static void Write(string path, IEnumerable<EpochMetrics> epochs) =>
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp);
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            csv.WriteRecords(epochs);
        });
}
