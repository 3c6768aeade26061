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

    /// <summary>
    /// Appends an error (with its stack trace) to the node's log and keeps its message as the node's failure
    /// reason (<see cref="ReasonOf"/>); returns the log's path.
    /// </summary>
    public string WriteError(GraphNode node, Exception error)
    {
        var path = PathOf(node);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllText(path,
            $"{DateTime.UtcNow:O} {node.Id} failed:{Environment.NewLine}{error}{Environment.NewLine}");
        WriteReason(node, error.Message);
        return path;
    }

    /// <summary>
    /// Where a failed node's one-line reason is kept, beside its log (<c>…/seed=0.failed</c>): whichever process
    /// ran the node writes it, so a report built in another process or Slurm job names the same reason.
    /// </summary>
    public string ReasonPathOf(GraphNode node) => Path.ChangeExtension(PathOf(node), ".failed");

    public void WriteReason(GraphNode node, string message)
    {
        var path = ReasonPathOf(node);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var line = string.Join(" ",
            message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        File.WriteAllText(path, line + Environment.NewLine);
    }

    /// <summary>Forgets an earlier failure of the node (called when it starts again).</summary>
    public void ClearReason(GraphNode node)
    {
        if (File.Exists(ReasonPathOf(node))) File.Delete(ReasonPathOf(node));
    }

    /// <summary>
    /// The node's failure reason: what <see cref="WriteReason"/> kept, else the last line of its log (a job killed
    /// by its time limit or the OOM killer writes no reason, but Slurm's last line says so), else null.
    /// </summary>
    public string? ReasonOf(GraphNode node)
    {
        var kept = ReasonPathOf(node);
        if (File.Exists(kept)) return File.ReadAllText(kept).Trim();
        var last = LastLine(PathOf(node));
        return last.Length == 0 ? null : last;
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
