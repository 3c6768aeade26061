namespace NasPipeline.Graph;

/// <summary>
/// What the pipeline tells its user: every node ran, was cached or failed, and anything worth a line.
/// </summary>
public interface IPipelineLog
{
    void Info(string message);
    void NodeStarted(string label, string key);
    void NodeFinished(string label, string key, bool cached, double seconds);
    void NodeFailed(string label, string error, string? log);
}

/// <summary>Keeps log lines in memory (tests assert on which nodes ran).</summary>
public sealed class MemoryLog : IPipelineLog
{
    public List<(string Label, bool Cached)> Nodes { get; } = [];
    public List<string> Lines { get; } = [];
    public List<(string Label, string Error)> Failures { get; } = [];

    public IEnumerable<string> Ran => Nodes.Where(n => !n.Cached).Select(n => n.Label);
    public IEnumerable<string> Cached => Nodes.Where(n => n.Cached).Select(n => n.Label);

    public void Info(string message) => Lines.Add(message);
    public void NodeStarted(string label, string key) { }
    public void NodeFinished(string label, string key, bool cached, double seconds) => Nodes.Add((label, cached));
    public void NodeFailed(string label, string error, string? log) => Failures.Add((label, error));
}
