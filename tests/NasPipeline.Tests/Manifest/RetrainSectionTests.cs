using NasPipeline.Stages;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Manifest;

/// <summary>[retrain]'s DARTS evaluation keys: read on DARTS, off by default, cutout and zeros anywhere.</summary>
public sealed class RetrainSectionTests
{
    static RetrainSection Read(string space, string retrain) =>
        StudyManifest.Parse(Manifest(space, retrain: retrain), "m.toml").Retrain;

    /// <summary>A one-trainer, one-selector manifest on <paramref name="space"/> with extra section lines.</summary>
    internal static string Manifest(string space, string searchSpace = "", string retrain = "") => $"""
        [experiment]
        name = "t"

        [search_space]
        name = "{space}"
        {searchSpace}

        [[trainers]]
        id = "d"
        method = "darts"

        [[selectors]]
        id = "m"
        method = "magnitude"

        [retrain]
        {retrain}
        """;

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

/// <summary>The depth key of one space is not offered as a key of another.</summary>
public sealed class DepthKeyTests
{
    [TestCase("nb201", "layers", "cells_per_stage")]
    [TestCase("darts", "cells_per_stage", "layers")]
    public void UnknownKey_ListsOnlyThisSpacesDepthKey(string space, string otherKey, string ownKey)
    {
        var error = Assert.Throws<ManifestException>(() =>
            StudyManifest.Parse(RetrainSectionTests.Manifest(space, searchSpace: "colour = 1"), "m.toml"))!;
        Assert.That(error.Message, Does.Contain("unknown key 'colour' in [search_space]")
            .And.Contain(ownKey).And.Not.Contain(otherKey));
    }
}
