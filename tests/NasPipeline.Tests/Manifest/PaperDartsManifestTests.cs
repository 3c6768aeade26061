using NasPipeline.Stages;
using NasPipeline.Manifest;
using NasPipeline.Trainers.Darts;

namespace NasPipeline.Tests.Manifest;

/// <summary>experiments/paper-darts.toml: the DARTS paper's CIFAR-10 settings, valid without CIFAR-10.</summary>
public sealed class PaperDartsManifestTests
{
    static string PaperManifest => Path.Combine(RepoPaths.Root, "experiments", "paper-darts.toml");
    static ExperimentManifest Load() => StudyManifest.Load(PaperManifest);

    [Test]
    public void Search_IsDartsTrainSearchPy()
    {
        var m = Load();
        Assert.That(m.SearchSpace, Is.EqualTo(new SearchSpaceSection("darts", 16, 8)));
        Assert.That((m.Dataset.Name, m.Dataset.Augment, m.Dataset.WeightSize, m.Dataset.AlphaSize),
            Is.EqualTo(("cifar10", "crop-flip", 0, 0)), "half/half, RandomCrop + flip, no cutout in the search");
        Assert.That(m.Trainers.Select(t => t.Method),
            Is.EqualTo(new[] { "darts", "darts-2nd", "drnas", "gdas", "sdarts-rs", "sdarts-adv" }));
        var darts = (DartsOptions)m.Trainers[0].Options;
        Assert.That(darts.Training, Is.EqualTo(new NasPipeline.Training.SupernetTrainingOptions(
            50, 64, 0.025, 0.001, 0.9, false, 3e-4, 5)));
        Assert.That(darts.Alpha, Is.EqualTo(new NasPipeline.Trainers.AlphaOptions(3e-4, 0.5, 0.999, 1e-3)));
    }

    [Test]
    public void Retrain_IsDartsTrainPy_WithAuxiliaryDropPathAndCutout()
    {
        var m = Load();
        Assert.That(m.Retrain, Is.EqualTo(new RetrainSection(600, 96, 0.025, 0, 0.9, false, 3e-4, 5, 0, 36, 20,
            AuxiliaryWeight: 0.4, DropPath: 0.2, Cutout: 16)));
        Assert.That(m.Evaluation.Evaluators, Is.EqualTo(new[] { "retrain" }));
        Assert.That(m.ProxyStudy, Is.Null);
    }

    [Test]
    public void Selectors_AndTheSlurmExecutor()
    {
        var m = Load();
        Assert.That(m.Selectors.Select(s => s.Method), Is.SupersetOf(new[]
            { "magnitude", "pt", "zc-pt", "zc-nwot", "zc-synflow", "shared-weights", "random" }));
        Assert.That(m.Executor.Kind, Is.EqualTo("slurm"));
    }

    [Test]
    public void Validate_PassesWithoutCifar10()
    {
        var (exit, output) = ConsoleCapture.Run(() => NasPipeline.Tool.NasApp.Run(["validate", PaperManifest]));
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("ok (6 trainer(s) × 7 selector(s) × 3 seed(s), evaluated by retrain)"));
    }
}
