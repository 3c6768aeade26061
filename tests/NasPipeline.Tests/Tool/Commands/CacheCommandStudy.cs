using NasPipeline.Stages;
using NasPipeline.Tests.Stages;

namespace NasPipeline.Tests.Tool.Commands;

/// <summary>
/// Two or more tiny manifests sharing one cache, written to files as <c>nas</c> reads them: "tiny" and "other"
/// (one supernet epoch fewer, so no node of one is a node of the other).
/// </summary>
public sealed class CacheCommandStudy : IDisposable
{
    public TinyStudy Study { get; } = new();

    public string Cache => Study.Artifacts;

    public string Manifest(string name, int epochs) => Study.Manifest(epochs: epochs).Replace("name = \"tiny\"",
        $"name = \"{name}\"");

    /// <summary>Writes the manifest into <paramref name="folder"/> (created) and returns its path.</summary>
    public string Write(string folder, string name, int epochs)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".toml");
        File.WriteAllText(path, Manifest(name, epochs));
        return path;
    }

    public void Run(string name, int epochs, PipelineTarget target = PipelineTarget.Report) =>
        Study.Run(Manifest(name, epochs), target);

    public IReadOnlyList<NasPipeline.Graph.PlanRow> Plan(string name, int epochs) =>
        Study.Plan(Manifest(name, epochs)).Plan;

    public string Report(string name) => Path.Combine(Study.Reports, name);

    public void Dispose() => Study.Dispose();
}
