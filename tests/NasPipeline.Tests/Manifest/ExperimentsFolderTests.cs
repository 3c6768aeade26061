using NasPipeline.Stages;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Manifest;

/// <summary>The manifests the repository ships must load.</summary>
public sealed class ExperimentsFolderTests
{
    public static IEnumerable<string> Manifests() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "experiments"), "*.toml").Select(Path.GetFileName)!;

    [TestCaseSource(nameof(Manifests))]
    public void ShippedManifest_Loads(string name) =>
        Assert.DoesNotThrow(() => StudyManifest.Load(Path.Combine(RepoPaths.Root, "experiments", name)));
}

/// <summary>
/// The paper's NB201 manifest: checkable without CIFAR-10, and precise about what is missing when run.
/// </summary>
[Category("Integration")]
public sealed class PaperNb201ManifestTests
{
    static string PaperManifest => Path.Combine(RepoPaths.Root, "experiments", "paper-nb201.toml");

    [Test]
    public void UsesCifar10FromAUserPath_AndTheNb201Evaluator()
    {
        var m = StudyManifest.Load(PaperManifest);
        Assert.That((m.Dataset.Name, m.Dataset.Path), Is.EqualTo(("cifar10", "data/cifar10")));
        Assert.That(m.Evaluation.Nb201, Is.True);
        Assert.That(m.Benchmark.Table, Is.EqualTo("../shared/data/nb201/nb201.csv"));
    }

    [Test]
    public void ComparesEverySelectorKind()
    {
        var methods = StudyManifest.Load(PaperManifest).Selectors.Select(s => s.Method).ToList();
        Assert.That(methods, Is.SupersetOf(new[]
        {
            "magnitude", "pt", "zc-synflow", "zc-snip", "zc-grasp", "zc-fisher", "zc-grad_norm", "zc-jacov", "zc-nwot",
            "zc-pt", "shared-weights", "random",
        }));
    }

    [Test]
    public void Validate_PassesWithoutCifar10()
    {
        if (Directory.Exists(Path.Combine(RepoPaths.Root, "data", "cifar10")))
            Assert.Ignore("CIFAR-10 is present here");
        var (exit, output) = ConsoleCapture.Run(() => NasPipeline.Tool.NasApp.Run(["validate", PaperManifest]));
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("ok (9 trainer(s) × 14 selector(s) × 3 seed(s), evaluated by nb201; n/a: " +
            "oneshot × magnitude, rsws × magnitude)"));
    }

    [Test]
    public void Run_WithoutCifar10_SaysWhichFilesAreMissingWhere_AndWritesNoNode()
    {
        if (Directory.Exists(Path.Combine(RepoPaths.Root, "data", "cifar10")))
            Assert.Ignore("CIFAR-10 is present here");
        if (!File.Exists(NasPipeline.Tests.Benchmarks.SharedTable.Path))
            Assert.Ignore("the run checks the benchmark table first, and it is absent here");
        using var dir = new TempDirectory();
        // Paths in the manifest are relative to where it is run from: the repository root, as Cake does.
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = RepoPaths.Root;
        (int exit, string output) result;
        try { result = ConsoleCapture.Run(() => NasPipeline.Tool.NasApp.Run(["train", "--manifest",
            "experiments/paper-nb201.toml", "--artifacts", dir.File("cache")])); }
        finally { Environment.CurrentDirectory = previous; }
        var (exit, output) = result;
        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(output,
            Does.Contain("experiments/paper-nb201.toml:").And.Contain("[dataset] path = \"data/cifar10\"")
            .And.Contain("CIFAR-10 binary files missing").And.Contain("data_batch_1.bin")
            .And.Contain("test_batch.bin"));
        Assert.That(Directory.Exists(dir.File("cache/train"))
            && Directory.EnumerateFileSystemEntries(dir.File("cache/train")).Any(), Is.False);
    }
}
