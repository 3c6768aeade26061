namespace NasPipeline.Tests.Stages;

/// <summary>
/// [dataset] augment changes what every training stage computes, so it is in their keys: train and retrain read
/// the section, select reads the supernet's key; an unset value keys as the default written out.
/// </summary>
public sealed class AugmentKeyTests
{
    static string With(TinyStudy study, string augment) =>
        study.Manifest().Replace("test_count = 48", "test_count = 48" + augment);

    [Test]
    public void Augment_RerunsTrainSelectAndRetrain_WhileTheDefaultWrittenOutIsCached()
    {
        using var study = new TinyStudy();
        var (unset, _) = study.Run(With(study, ""));
        Assert.That(unset.Ran,
            Has.Some.StartsWith("train").And.Some.StartsWith("select").And.Some.StartsWith("retrain"));

        var (none, _) = study.Run(With(study, "\naugment = \"none\"")); // the synthetic default
        Assert.That(none.Ran, Is.Empty);

        // Two selectors may pick one genotype: its second retrain node is then cached from the first, in this run.
        var (cropFlip, _) = study.Run(With(study, "\naugment = \"crop-flip\""));
        var training = new[] { "train", "select", "retrain" };
        var nodes = cropFlip.Nodes.Select(n => n.Label).Where(l => training.Any(l.StartsWith)).ToList();
        Assert.That(nodes, Has.Some.StartsWith("retrain"));
        Assert.That(nodes.Distinct(), Is.SubsetOf(cropFlip.Ran), "every training node ran again");
    }

    [Test]
    public void Augment_LeavesTheKeyOfASelectorThatReadsOnlyData()
    {
        using var study = new TinyStudy();
        string? Key(string augment, string stage)
        {
            var manifest = With(study, augment).Replace("id = \"mag\"\nmethod = \"magnitude\"",
                "id = \"zc\"\nmethod = \"zc-pt\"");
            var rows = study.Plan(manifest).Plan.Where(r => r.Stage == stage);
            return rows.First(r => stage != "select" || r.Label.Contains("zc")).Key;
        }
        Assert.That(Key("", "select"), Is.Not.Null, "an untrained-supernet selection is keyed before anything runs");
        Assert.That(Key("\naugment = \"crop-flip\"", "select"), Is.EqualTo(Key("", "select")),
            "zc-pt scores un-augmented batches");
        Assert.That(Key("\naugment = \"crop-flip\"", "train"), Is.Not.EqualTo(Key("", "train")));
    }
}
