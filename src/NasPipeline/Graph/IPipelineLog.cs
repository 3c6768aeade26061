namespace NasPipeline.Graph;

/// <summary>What the pipeline tells its user: every node ran or was cached, and anything worth a line.</summary>
public interface IPipelineLog
{
    void Info(string message);
    void NodeStarted(string label, string key);
    void NodeFinished(string label, string key, bool cached, double seconds);
}

/// <summary>Keeps log lines in memory (tests assert on which nodes ran).</summary>
public sealed class MemoryLog : IPipelineLog
{
    public List<(string Label, bool Cached)> Nodes { get; } = [];
    public List<string> Lines { get; } = [];

    public IEnumerable<string> Ran => Nodes.Where(n => !n.Cached).Select(n => n.Label);
    public IEnumerable<string> Cached => Nodes.Where(n => n.Cached).Select(n => n.Label);

    public void Info(string message) => Lines.Add(message);
    public void NodeStarted(string label, string key) { }
    public void NodeFinished(string label, string key, bool cached, double seconds) => Nodes.Add((label, cached));
}
