using NasPipeline.Stages;
using NasPipeline.Tests.Stages;

namespace NasPipeline.Tests.Caching;

/// <summary>
/// A cached node whose files were damaged after it was committed is not served: the rerun rebuilds it and says so.
/// </summary>
[Category("Integration")]
public sealed class CorruptNodeTests
{
    [TestCase("truncate")]
    [TestCase("flip")]
    [TestCase("delete")]
    public void Rerun_SupernetFileDamaged_RebuildsTheNodeAndLogsIt(string fault)
    {
        using var study = new TinyStudy();
        var manifest = study.Manifest();
        study.Run(manifest, PipelineTarget.TrainSupernets);
        var weights = Path.Combine(TrainNode(study), "supernet.dat");
        var original = File.ReadAllBytes(weights);
        Damage(weights, fault);

        var (log, _) = study.Run(manifest, PipelineTarget.TrainSupernets);

        Assert.That(log.Ran, Is.EqualTo(new[] { "train darts seed=0" }));
        Assert.That(log.Lines,
            Has.One.Match(@"^corrupt node train darts seed=0 \([0-9a-f]{12}\) rebuilt: supernet\.dat "));
        Assert.That(File.ReadAllBytes(weights), Is.EqualTo(original), "the rebuilt node is the node it replaced");
        var (again, _) = study.Run(manifest, PipelineTarget.TrainSupernets);
        Assert.That(again.Ran, Is.Empty, "rebuilt once, then served from the cache");
    }

    [Test]
    public void Rerun_RecordWithoutFileList_IsRebuiltOnce()
    {
        using var study = new TinyStudy();
        var manifest = study.Manifest();
        study.Run(manifest, PipelineTarget.TrainSupernets);
        var record = Path.Combine(TrainNode(study), "record.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(record))!.AsObject();
        json.Remove("Files"); // as written before records listed their files
        File.WriteAllText(record, json.ToJsonString());

        var (log, _) = study.Run(manifest, PipelineTarget.TrainSupernets);
        Assert.That(log.Ran, Is.EqualTo(new[] { "train darts seed=0" }));
        Assert.That(log.Lines, Has.One.Match(@"^unverified node train darts seed=0 \([0-9a-f]{12}\) rebuilt: "));
        var (again, _) = study.Run(manifest, PipelineTarget.TrainSupernets);
        Assert.That(again.Ran, Is.Empty);
    }

    public static string TrainNode(TinyStudy study) =>
        Directory.GetDirectories(Path.Combine(study.Artifacts, "train"))
            .Single(d => !Path.GetFileName(d).Contains('.'));

    public static void Damage(string file, string fault)
    {
        switch (fault)
        {
            case "truncate":
                using (var stream = new FileStream(file, FileMode.Open)) stream.SetLength(stream.Length / 2);
                break;
            case "flip":
                var bytes = File.ReadAllBytes(file);
                bytes[bytes.Length / 2] ^= 0x01;
                File.WriteAllBytes(file, bytes);
                break;
            case "delete":
                File.Delete(file);
                break;
            default:
                throw new ArgumentException(fault);
        }
    }
}
