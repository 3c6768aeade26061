using System.Text.Json;

namespace NasPipeline.Tests.Execution;

/// <summary>
/// Compares what two runs of one study computed, node by node: the same keys, and byte-identical supernet weights
/// and α histories, selections and retrain results (times and memory aside, which no two runs share).
/// </summary>
public static class CacheComparison
{
    public static void AssertSameResults(string expected, string actual)
    {
        Assert.That(Keys(actual), Is.EquivalentTo(Keys(expected)), "the same nodes, by key");
        foreach (var node in Nodes(expected, "train"))
            foreach (var file in new[] { "supernet.dat", "mixing-history.json" })
                Assert.That(File.ReadAllBytes(Counterpart(node, expected, actual, file)),
                    Is.EqualTo(File.ReadAllBytes(Path.Combine(node, file))),
                    $"train/{Path.GetFileName(node)}/{file}");
        foreach (var stage in new[] { "select", "retrain" })
            foreach (var node in Nodes(expected, stage))
                Assert.That(Results(Counterpart(node, expected, actual, "record.json")),
                    Is.EqualTo(Results(Path.Combine(node, "record.json"))),
                    $"{stage}/{Path.GetFileName(node)}");
    }

    /// <summary>Every committed node as stage/key.</summary>
    public static IReadOnlyList<string> Keys(string root) =>
        Directory.GetFiles(root, "record.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, Path.GetDirectoryName(f)!))
            .Where(p => !p.StartsWith("logs")).Order().ToList();

    static IEnumerable<string> Nodes(string root, string stage) =>
        Directory.Exists(Path.Combine(root, stage))
            ? Directory.GetDirectories(Path.Combine(root, stage))
                .Where(f => File.Exists(Path.Combine(f, "record.json")))
            : [];

    static string Counterpart(string node, string expected, string actual, string file) =>
        Path.Combine(actual, Path.GetRelativePath(expected, node), file);

    /// <summary>The artifact record without the fields that measure the run rather than the result.</summary>
    static string Results(string record)
    {
        var artifact = JsonDocument.Parse(File.ReadAllText(record)).RootElement.GetProperty("Artifact");
        var kept = artifact.EnumerateObject().Where(p => p.Name != "Epochs")
            .ToDictionary(p => p.Name, p => p.Value.ToString());
        if (artifact.TryGetProperty("Epochs", out var epochs))
            kept["Epochs"] = string.Join(";", epochs.EnumerateArray().Select(e =>
                string.Join(",", e.EnumerateObject().Where(p => p.Name is not ("Seconds" or "RssBytes"))
                    .Select(p => p.Value.ToString()))));
        return JsonSerializer.Serialize(kept);
    }
}
