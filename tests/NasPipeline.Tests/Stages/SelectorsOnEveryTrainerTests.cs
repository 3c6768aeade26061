using NasPipeline.Graph;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Trainers;

namespace NasPipeline.Tests.Stages;

/// <summary>Every selector that reads a supernet works on every trainer's artifacts, through the real pipeline.</summary>
[Category("Integration")]
public sealed class SelectorsOnEveryTrainerTests
{
    [Test]
    public void EverySelector_OnEveryTrainer_PicksAValidArchitecture()
    {
        using var dir = new TempDirectory();
        var trainers = string.Join("\n", TrainerCatalog.Default.Names.Select(m =>
            $"[[trainers]]\nid = \"{m}\"\nmethod = \"{m}\"\nepochs = 1\nbatch_size = 24\n{(m == "sdarts-adv" ? "attack_steps = 2\n" : "")}"));
        var manifest = $"""
            [experiment]
            name = "every"
            seeds = [0]
            threads = 1
            artifacts = "{dir.File("cache")}"
            [dataset]
            name = "synthetic"
            image_size = 8
            channels = 1
            classes = 3
            train_count = 96
            test_count = 16
            [search_space]
            channels = 3
            cells_per_stage = 1
            {trainers}
            [[selectors]]
            id = "pt"
            method = "pt"
            tune_epochs_between = 1
            tune_images = 24
            eval_size = 32
            [[selectors]]
            id = "zc-synflow"
            method = "zc-synflow"
            batch_size = 16
            [[selectors]]
            id = "zc-nwot"
            method = "zc-nwot"
            batch_size = 16
            [[selectors]]
            id = "zc-pt"
            method = "zc-pt"
            pool_size = 2
            validate_batches = 1
            batch_size = 16
            [[selectors]]
            id = "shared-weights"
            method = "shared-weights"
            num_samples = 4
            eval_size = 32
            batch_norm = "recalibrate"
            """;
        using var study = new TinyStudy();
        var (log, _) = study.Run(manifest, NasPipeline.Stages.PipelineTarget.Select);
        var selections = Directory.GetFiles(Path.Combine(dir.Path, "cache", "select"), "record.json", SearchOption.AllDirectories);
        // Four selectors read each trainer's supernet; zc-pt reads none, so it is one node for the seed.
        var expected = TrainerCatalog.Default.Names.Count() * 4 + 1;
        Assert.That(selections, Has.Length.EqualTo(expected));
        foreach (var file in selections)
        {
            var genotype = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("Artifact").GetProperty("Genotype").GetString()!;
            Assert.DoesNotThrow(() => Genotype.Parse(genotype));
        }
        Assert.That(log.Ran.Count(l => l.StartsWith("select")), Is.EqualTo(expected));
    }
}
