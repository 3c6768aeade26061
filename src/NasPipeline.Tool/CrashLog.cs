using System.Globalization;

namespace NasPipeline.Tool;

/// <summary>
/// Where an unexpected error's stack trace goes, so the console gets one line and the log the details: the
/// artifacts folder's <c>logs</c> once a command has opened a study, else (or when that cannot be written, e.g. a
/// full disk or a folder that is not one) the temp folder's <c>nas-logs</c>.
/// </summary>
public static class CrashLog
{
    /// <summary>The folder tried first; a command sets it to its artifacts' logs when it opens a study.</summary>
    public static string? Folder { get; set; }

    /// <summary>Writes the error (type, message, stack, inner errors); returns the log's path, or null.</summary>
    public static string? Write(Exception error, string? folder = null)
    {
        var name = string.Create(CultureInfo.InvariantCulture,
            $"crash-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}.log");
        var text = $"{DateTime.UtcNow:O} nas {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}" +
            $"{Environment.NewLine}{error}{Environment.NewLine}";
        foreach (var candidate in new[] { folder ?? Folder, Path.Combine(Path.GetTempPath(), "nas-logs") })
        {
            if (candidate is null) continue;
            try
            {
                Directory.CreateDirectory(candidate);
                var path = Path.GetFullPath(Path.Combine(candidate, name));
                File.WriteAllText(path, text);
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // Not writable here (full, read-only, under a file): try the next folder.
            }
        }
        return null;
    }
}
