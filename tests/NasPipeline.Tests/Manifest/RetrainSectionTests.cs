using NasPipeline.Stages;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Manifest;

/// <summary>[retrain]'s DARTS evaluation keys: read on DARTS, off by default, cutout and zeros anywhere.</summary>
public sealed class RetrainSectionTests
{
    static RetrainSection Read(string space, string retrain) => StudyManifest.Parse($"""
        [experiment]
        name = "t"

        [search_space]
        name = "{space}"

        [[trainers]]
        id = "d"
        method = "darts"

        [[selectors]]
        id = "m"
        method = "magnitude"

        [retrain]
        {retrain}
        """, "m.toml").Retrain;

    [Test]
    public void Darts_ReadsAuxiliaryWeightDropPathAndCutout()
    {
        var r = Read("darts", "auxiliary_weight = 0.4\ndrop_path = 0.2\ncutout = 16");
        Assert.That((r.AuxiliaryWeight, r.DropPath, r.Cutout), Is.EqualTo((0.4, 0.2, 16)));
    }

    [TestCase("darts")]
    [TestCase("nb201")]
    public void Unset_TheyAreOff(string space)
    {
        var r = Read(space, "");
        Assert.That((r.AuxiliaryWeight, r.DropPath, r.Cutout), Is.EqualTo((0.0, 0.0, 0)));
    }

    [Test]
    public void Nb201_TakesCutout_AndTheOthersAtZero()
    {
        var r = Read("nb201", "auxiliary_weight = 0\ndrop_path = 0.0\ncutout = 8");
        Assert.That((r.AuxiliaryWeight, r.DropPath, r.Cutout), Is.EqualTo((0.0, 0.0, 8)));
    }
}
