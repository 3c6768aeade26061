using System.Globalization;
using CsvHelper;
using NasPipeline.Caching;

namespace NasPipeline.Artifacts;

/// <summary>
/// Tidy CSV (header from the record's properties, invariant culture), written to a temp file and renamed into place.
/// </summary>
public static class Csv
{
    public static void Write<T>(string path, IEnumerable<T> rows) =>
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp);
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            csv.WriteRecords(rows);
        });
}
