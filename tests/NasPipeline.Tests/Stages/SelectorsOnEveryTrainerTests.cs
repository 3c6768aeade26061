using System.Text.RegularExpressions;
using NasPipeline.Graph;
using NasPipeline.Trainers;

namespace NasPipeline.Tests.Stages;

/// <summary>
/// Every selector that reads a supernet works on every trainer's artifacts, through the real pipeline.
/// </summary>
[Category("Integration")]
public sealed class SelectorsOnEveryTrainerTests
{
    [Test]
    public void EverySelector_OnEveryTrainer_PicksAValidArchitecture()
    {
        using var dir = new TempDirectory();
        var trainers = string.Join("\n", TrainerCatalog.Default.Names.Select(m =>
            $"[[trainers]]\nid = \"{m}\"\nmethod = \"{m}\"\nepochs = 1\nbatch_size = 24\n" +
            $"{(m == "sdarts-adv" ? "attack_steps = 2\n" : "")}"));
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
        var selections = Directory.GetFiles(Path.Combine(dir.Path, "cache", "select"), "record.json",
            SearchOption.AllDirectories);
        // Four selectors read each trainer's supernet; zc-pt reads none, so it is one node for the seed.
        string[] perTrainer = ["pt", "zc-synflow", "zc-nwot", "shared-weights"];
        var expected = TrainerCatalog.Default.Names
            .SelectMany(t => perTrainer.Select(s => $"select {s} from {t} seed=0"))
            .Append("select zc-pt seed=0");
        Assert.That(log.Ran.Where(l => l.StartsWith("select")), Is.EquivalentTo(expected));
        Assert.That(selections, Has.Length.EqualTo(expected.Count()));
        // An NB201 genotype written out by hand (six edges: node 1 from 0, node 2 from 0 and 1, node 3 from 0, 1, 2;
        // the five NB201 operations), not re-read by the parser that wrote it.
        const string op = "(none|skip_connect|nor_conv_1x1|nor_conv_3x3|avg_pool_3x3)";
        var nb201 = new Regex($@"^\|{op}~0\|\+\|{op}~0\|{op}~1\|\+\|{op}~0\|{op}~1\|{op}~2\|$");
        foreach (var file in selections)
        {
            var genotype = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement
                .GetProperty("Artifact").GetProperty("Genotype").GetString()!;
            Assert.That(genotype, Does.Match(nb201), file);
        }
    }
}
