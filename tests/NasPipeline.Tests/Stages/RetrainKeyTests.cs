using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces;
using NasPipeline.Stages;

namespace NasPipeline.Tests.Stages;

/// <summary>
/// The retrain key reads the whole [retrain] record: keys DARTS's evaluation recipe added (auxiliary_weight,
/// drop_path, cutout) must leave an NB201 retrain's key as it was, so no NB201 result is recomputed for them.
/// </summary>
public sealed class RetrainKeyTests
{
    const string Manifest = """
        [experiment]
        name = "k"
        seeds = [0]

        [[trainers]]
        id = "darts"
        method = "darts"

        [[selectors]]
        id = "mag"
        method = "magnitude"

        [retrain]
        epochs = 3
        batch_size = 32
        lr = 0.1
        """;

    static string Key(string text)
    {
        var m = ExperimentManifest.Parse(text, "k.toml");
        var stage = new RetrainStage(SearchSpaceCatalog.Get(m.SearchSpace.Name),
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|",
            m.Retrain, m.Dataset, 0, m.Experiment.Compute, () => throw new InvalidOperationException("not run"));
        return StageRunner.KeyOf(stage);
    }

    [Test]
    public void Nb201RetrainKey_OfAFixedManifest_IsUnchanged()
    {
        // Computed with this test on commit 91e04fa, before [retrain] had auxiliary_weight, drop_path and cutout.
        Assert.That(Key(Manifest), Is.EqualTo("64c8268e4551a6e13fc8851e1a4a15c97291b6ec8696970212bf460c49745948"));
    }
}
