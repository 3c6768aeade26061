using System.Text;
using NasPipeline.Graph;

namespace NasPipeline.Execution;

/// <summary>
/// Where a node's output goes when it runs in its own process or job, or its error when it fails in this one:
/// <c>&lt;artifacts&gt;/logs/&lt;experiment&gt;/&lt;node id&gt;.log</c>,
/// e.g. <c>.nas/logs/default/train/darts/seed=0.log</c>.
/// On the cache's file system, so Slurm jobs on any host write where <c>nas</c> reads.
/// </summary>
public sealed class NodeLogs(string artifacts, string experiment)
{
    public string Folder { get; } = Path.Combine(Path.GetFullPath(artifacts), "logs", experiment);

    public string PathOf(GraphNode node) =>
        Path.Combine(Folder, Path.Combine(node.Id.Split('/').Select(Safe).ToArray()) + ".log");

    /// <summary>Appends an error (with its stack trace) to the node's log; returns the log's path.</summary>
    public string WriteError(GraphNode node, Exception error)
    {
        var path = PathOf(node);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllText(path,
            $"{DateTime.UtcNow:O} {node.Id} failed:{Environment.NewLine}{error}{Environment.NewLine}");
        return path;
    }

    /// <summary>The last non-empty line of a log: a node's latest progress, or its one-line error.</summary>
    public static string LastLine(string path) =>
        File.Exists(path) ? File.ReadLines(path).LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "" : "";

    static string Safe(string part)
    {
        var builder = new StringBuilder(part.Length);
        foreach (var c in part) builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '=' ? c : '_');
        return builder.Length == 0 || builder.ToString() is "." or ".." ? "_" : builder.ToString();
    }
}
