using NasPipeline.Stages;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Manifest;

/// <summary>
/// [dataset] augment: the default follows the data set, an explicit value wins (errors: MalformedManifestTests).
/// </summary>
public sealed class DatasetAugmentTests
{
    const string Experiment = "[experiment]\nname = \"t\"\nseeds = [0]\n\n" +
        "[[trainers]]\nid = \"d\"\nmethod = \"darts\"\n\n" +
        "[[selectors]]\nid = \"mag\"\nmethod = \"magnitude\"\n\n";

    static DatasetSection Dataset(string keys) =>
        StudyManifest.Parse(Experiment + "[dataset]\n" + keys, "m.toml").Dataset;

    [TestCase("name = \"cifar10\"\npath = \"c\"", "crop-flip")]
    [TestCase("name = \"cifar100\"\npath = \"c\"", "crop-flip")]
    [TestCase("name = \"fashion-mnist\"", "none")]
    [TestCase("name = \"synthetic\"", "none")]
    public void Unset_IsTheDataSetsDefault(string keys, string augment) =>
        Assert.That(Dataset(keys).Augment, Is.EqualTo(augment));

    [TestCase("name = \"cifar10\"\npath = \"c\"\naugment = \"none\"", "none")]
    [TestCase("name = \"fashion-mnist\"\naugment = \"crop-flip\"", "crop-flip")]
    public void Set_IsTaken(string keys, string augment) => Assert.That(Dataset(keys).Augment, Is.EqualTo(augment));

    [Test]
    public void NoDatasetSection_IsFashionMnistWithoutAugmentation() =>
        Assert.That(StudyManifest.Parse(Experiment, "m.toml").Dataset.Augment, Is.EqualTo("none"));

    [Test]
    public void Unset_AndTheDefaultWrittenOut_AreTheSameSection() =>
        Assert.That(Dataset("name = \"cifar10\"\npath = \"c\"\naugment = \"crop-flip\""),
            Is.EqualTo(Dataset("name = \"cifar10\"\npath = \"c\"")).Using<DatasetSection>((a, b) =>
                NasPipeline.Caching.StageKey.CanonicalJson(a) == NasPipeline.Caching.StageKey.CanonicalJson(b)));
}
