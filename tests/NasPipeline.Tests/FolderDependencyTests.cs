using System.Text.RegularExpressions;

namespace NasPipeline.Tests;

/// <summary>
/// Dependencies between the library's folders point one way (docs/layout.md): a folder may use only folders in
/// lower layers. A use is a <c>using NasPipeline.X</c> or any <c>NasPipeline.X.</c> name (doc references count:
/// a cref is a dependency a reader follows).
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>Layers from the bottom: a folder may use the folders of the layers before its own.</summary>
    static readonly string[][] Layers =
    [
        ["Caching", "Checkpoints", "Runtime", "SearchSpaces"],
        ["Manifest"],
        ["Data", "Supernet"],
        ["Evaluation", "Benchmarks", "Proxies"],
        ["Training"],
        ["Trainers", "ProxyStudy"],
        ["Selectors", "Artifacts", "Graph"],
        ["Reporting", "Execution"],
        ["Stages"],
    ];

    static int LayerOf(string folder)
    {
        for (var i = 0; i < Layers.Length; i++)
            if (Layers[i].Contains(folder)) return i;
        throw new AssertionException($"folder {folder} has no layer: add it to FolderDependencyTests.Layers");
    }

    static IEnumerable<(string From, string To, string File)> Uses()
    {
        var library = Path.Combine(RepoPaths.Root, "src", "NasPipeline");
        foreach (var folder in Directory.GetDirectories(library).Select(Path.GetFileName))
        {
            if (folder is "bin" or "obj") continue;
            var files = Directory.GetFiles(Path.Combine(library, folder!), "*.cs", SearchOption.AllDirectories);
            foreach (var file in files)
                foreach (var to in Regex.Matches(File.ReadAllText(file), @"\bNasPipeline\.([A-Z][A-Za-z]+)")
                             .Select(m => m.Groups[1].Value).Distinct().Where(to => to != folder))
                    yield return (folder!, to, Path.GetRelativePath(library, file));
        }
    }

    [Test]
    public void EveryFolder_UsesOnlyLowerLayers()
    {
        var uses = Uses().ToList();
        Assert.That(uses.Select(u => u.From).Distinct(), Does.Contain("Stages").And.Contain("Training"),
            "the scan reads the library");
        var violations = uses.Where(u => LayerOf(u.To) >= LayerOf(u.From))
            .GroupBy(u => $"{u.From} → {u.To}")
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(u => u.File).Distinct()));
        Assert.That(violations.Select(v => $"{v.Key} ({v.Value})"), Is.Empty,
            "folders using a folder of their own or a higher layer");
    }
}
