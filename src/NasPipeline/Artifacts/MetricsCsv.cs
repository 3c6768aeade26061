using NasPipeline.Training;

namespace NasPipeline.Artifacts;

/// <summary>Per-epoch metrics as CSV, for plotting outside the tool.</summary>
public static class MetricsCsv
{
    public static void Write(string path, IEnumerable<EpochMetrics> epochs) => Csv.Write(path, epochs);
}
