using NasPipeline.Stages;
using System.Text.RegularExpressions;
using NasPipeline.Manifest;
using NasPipeline.Selectors;
using NasPipeline.Trainers;

namespace NasPipeline.Tests.Manifest;

/// <summary>
/// Every key the manifest loader accepts is documented in docs/: the loader itself is asked for its keys (an unknown
/// key in a section fails naming every key that section's readers asked for), section by section, for both search
/// spaces and every trainer and selector method, and each must appear as <c>`key`</c> in a docs/*.md file.
/// </summary>
public sealed class ManifestKeysDocumentedTests
{
    const string Probe = "zz_probe_key";

    static string Manifest(string space = "nb201", string trainer = "darts", string selector = "magnitude",
        string dataset = "name = \"fashion-mnist\"") => $"""
        [experiment]
        name = "t"

        [dataset]
        {dataset}

        [search_space]
        name = "{space}"

        [[trainers]]
        id = "t"
        method = "{trainer}"

        [[selectors]]
        id = "s"
        method = "{selector}"

        """;

    /// <summary>The keys the loader names for the section holding the probe key.</summary>
    static IEnumerable<string> KeysOf(string manifest, string sectionHeader)
    {
        var text = manifest.Contains(sectionHeader + "\n", StringComparison.Ordinal)
            ? manifest.Replace(sectionHeader + "\n", $"{sectionHeader}\n{Probe} = 1\n", StringComparison.Ordinal)
            : manifest + $"\n{sectionHeader}\n{Probe} = 1\n";
        var error = Assert.Throws<ManifestException>(() => StudyManifest.Parse(text, "keys.toml"))!;
        var match = Regex.Match(error.Message, $"unknown key '{Probe}' in .*; expected one of: (.*)$");
        Assert.That(match.Success, $"{sectionHeader}: {error.Message}");
        return match.Groups[1].Value.Split(", ");
    }

    static IEnumerable<(string Where, string Key)> AcceptedKeys()
    {
        var plain = Manifest();
        foreach (var section in new[] { "[experiment]", "[dataset]", "[search_space]", "[retrain]", "[report]",
                     "[benchmark]", "[evaluation]", "[executor]", "[executor.slurm]", "[executor.slurm.train]" })
            foreach (var key in KeysOf(plain, section)) yield return (section, key);
        foreach (var key in KeysOf(Manifest(dataset: "name = \"synthetic\""), "[dataset]"))
            yield return ("[dataset] synthetic", key);
        foreach (var section in new[] { "[search_space]", "[retrain]" })
            foreach (var key in KeysOf(Manifest(space: "darts"), section)) yield return ($"darts {section}", key);
        var proxyStudy = plain + "[benchmark]\ntable = \"t.csv\"\n[proxy_study]\nproxies = [\"synflow\"]\n";
        foreach (var key in KeysOf(proxyStudy, "[proxy_study]"))
            yield return ("[proxy_study]", key);
        foreach (var method in TrainerCatalog.Default.Names)
            foreach (var key in KeysOf(Manifest(trainer: method), "[[trainers]]"))
                yield return ($"trainer {method}", key);
        foreach (var method in SelectorCatalog.Default.Names)
            foreach (var key in KeysOf(Manifest(selector: method), "[[selectors]]"))
                yield return ($"selector {method}", key);
    }

    [Test]
    public void EveryKeyTheLoaderAccepts_AppearsInDocs()
    {
        var docs = string.Join("\n", Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md")
            .Select(File.ReadAllText));
        var keys = AcceptedKeys().ToList();
        Assert.That(keys.Select(k => k.Key), Does.Contain("layers").And.Contain("auxiliary_weight")
            .And.Contain("tune_epochs_between").And.Contain("pool_size"), "the probe reaches plugin and space keys");
        var missing = keys.Where(k => !docs.Contains($"`{k.Key}`", StringComparison.Ordinal))
            .Select(k => $"{k.Where}: {k.Key}").Distinct().ToList();
        Assert.That(missing, Is.Empty, "keys the loader accepts that docs/*.md does not name as `key`");
    }
}
