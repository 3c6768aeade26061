using NasPipeline.Manifest;

namespace NasPipeline.Tests.Manifest;

/// <summary>The manifests the repository ships must load.</summary>
public sealed class ExperimentsFolderTests
{
    public static IEnumerable<string> Manifests() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "experiments"), "*.toml").Select(Path.GetFileName)!;

    [TestCaseSource(nameof(Manifests))]
    public void ShippedManifest_Loads(string name) =>
        Assert.DoesNotThrow(() => ExperimentManifest.Load(Path.Combine(RepoPaths.Root, "experiments", name)));
}
