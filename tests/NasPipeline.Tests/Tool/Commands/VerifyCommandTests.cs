using System.Text.RegularExpressions;
using NasPipeline.Stages;
using NasPipeline.Tests.Caching;
using NasPipeline.Tool;

namespace NasPipeline.Tests.Tool.Commands;

/// <summary><c>nas verify</c>: exit 0 on an intact cache; exit 1 listing a node whose file changed.</summary>
[Category("Integration")]
public sealed class VerifyCommandTests
{
    [Test]
    public void Verify_IntactCache_ExitsZero_ThenAlteredWeights_ExitsOneNamingTheNode()
    {
        using var s = new CacheCommandStudy();
        s.Run("tiny", epochs: 2, PipelineTarget.Select);
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["verify", "--artifacts", s.Cache]));
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Match(@"verify: 3 nodes in .*, 0 bad"));

        var node = CorruptNodeTests.TrainNode(s.Study);
        var weights = Path.Combine(node, "supernet.dat");
        var written = File.GetLastWriteTimeUtc(weights);
        CorruptNodeTests.Damage(weights, "flip");
        File.SetLastWriteTimeUtc(weights, written); // verify hashes every file, whatever its time says

        (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["verify", "--artifacts", s.Cache]));
        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain(
            $"corrupt train/{Path.GetFileName(node)} (train darts seed=0): supernet.dat altered"));
        Assert.That(Regex.Matches(output, "^corrupt ", RegexOptions.Multiline), Has.Count.EqualTo(1));
        Assert.That(output, Does.Contain("3 nodes").And.Contain("1 bad"));
    }
}
