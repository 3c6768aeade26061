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

    const string Nb201Cell =
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

    static string Key(string text, string genotype = Nb201Cell)
    {
        var m = StudyManifest.Parse(text, "k.toml");
        var stage = new RetrainStage(SearchSpaceCatalog.Get(m.SearchSpace.Name), genotype,
            m.Retrain, m.Dataset, 0, m.Experiment.Compute, () => throw new InvalidOperationException("not run"));
        return StageRunner.KeyOf(stage);
    }

    [Test]
    public void Nb201RetrainKey_OfAFixedManifest_IsUnchanged()
    {
        // Computed with this test on commit 91e04fa, before [retrain] had auxiliary_weight, drop_path and cutout.
        Assert.That(Key(Manifest), Is.EqualTo("64c8268e4551a6e13fc8851e1a4a15c97291b6ec8696970212bf460c49745948"));
    }

    [Test]
    public void Nb201RetrainKey_WithExplicitZeros_IsUnchanged() =>
        Assert.That(Key(Manifest + "\nauxiliary_weight = 0\ndrop_path = 0\ncutout = 0"), Is.EqualTo(Key(Manifest)));

    [Test]
    public void Cutout_ChangesTheNb201Key() =>
        Assert.That(Key(Manifest + "\ncutout = 8"), Is.Not.EqualTo(Key(Manifest)));

    [TestCase("auxiliary_weight = 0.4")]
    [TestCase("drop_path = 0.2")]
    [TestCase("cutout = 16")]
    public void EachRegulariser_ChangesTheDartsKey(string line)
    {
        var darts = Manifest.Replace("[[trainers]]", "[search_space]\nname = \"darts\"\n\n[[trainers]]");
        var genotype = NasPipeline.SearchSpaces.Darts.DartsGenotype.Parse(
            NasPipeline.Tests.SearchSpaces.Darts.PublishedGenotypes.DartsV2).ToString()!;
        Assert.That(Key(darts + "\n" + line, genotype), Is.Not.EqualTo(Key(darts, genotype)));
    }
}
