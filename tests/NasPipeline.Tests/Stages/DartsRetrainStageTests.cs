using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces;
using NasPipeline.Stages;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.Tests.SearchSpaces.Darts;
using NasPipeline.Tests.Training;
using NasPipeline.Training;

namespace NasPipeline.Tests.Stages;

/// <summary>
/// The retrain stage builds DARTS's network with its auxiliary head when [retrain] weights it, and reports the
/// parameters without the head, as DARTS's count_parameters_in_MB.
/// </summary>
public sealed class DartsRetrainStageTests
{
    [Test]
    public void Run_WithDartsRecipe_TrainsWithTheHead_AndCountsParametersWithoutIt()
    {
        using var dir = new TempDirectory();
        var space = DartsSearchSpace.Instance;
        var genotype = DartsGenotype.Parse(PublishedGenotypes.DartsV2).ToString()!;
        var data = DartsRetrainKit.Data;
        var section = DartsRetrainKit.Section(auxiliary: 0.4, dropPath: 0.2, cutout: 8, epochs: 1);
        var stage = new RetrainStage(space, genotype, section, new DatasetSection("synthetic", null, 0, 0, 0, 1, null,
            "none"), 0, new ComputeSettings(1, "cpu"), () => data);
        var artifact = stage.Run(new StageContext(dir.Path, NullProgress.Instance, "r", dir.File("work"),
            new NasPipeline.Checkpoints.StopSignal()));
        using var plain = space.CreateNetwork(space.Parse(genotype), new NetworkShape(2, 3, 1, 3));
        Assert.That(artifact.Parameters, Is.EqualTo(space.ParameterCount(plain)));
        Assert.That(artifact.Epochs, Has.Count.EqualTo(1));
    }
}
