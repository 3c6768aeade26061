using NasPipeline.Stages;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Manifest;

public sealed class ExecutorSectionTests
{
    const string Grid = "[experiment]\nname = \"t\"\n[[trainers]]\nid = \"d\"\nmethod = \"darts\"\n" +
        "[[selectors]]\nid = \"m\"\nmethod = \"magnitude\"\n";

    [Test]
    public void Absent_IsOneLocalJob_WithClusterDefaults()
    {
        var executor = StudyManifest.Parse(Grid, "m.toml").Executor;
        Assert.That((executor.Kind, executor.Jobs), Is.EqualTo(("local", 1)));
        Assert.That(executor.Slurm.For("train"), Is.EqualTo(SlurmResources.Default));
        Assert.That((executor.Slurm.GraceSeconds, executor.Slurm.PollSeconds), Is.EqualTo((120, 2.0)));
    }

    [Test]
    public void StageTables_OverrideTheSlurmDefaultsKeyByKey()
    {
        var executor = StudyManifest.Parse(Grid + """
            [executor]
            kind = "slurm"
            [executor.slurm]
            partition = "cpu"
            account = "lab"
            time = "01:00:00"
            mem = "4G"
            extra = ["--qos=normal"]
            grace = 300
            [executor.slurm.train]
            partition = "gpu"
            time = "2-00:00:00"
            gres = "gpu:1"
            cpus_per_task = 8
            """, "m.toml").Executor;
        Assert.That(executor.Kind, Is.EqualTo("slurm"));
        var train = executor.Slurm.For("train");
        Assert.That((train.Partition, train.Account, train.Time, train.CpusPerTask, train.Mem, train.Gres),
            Is.EqualTo(("gpu", "lab", "2-00:00:00", (int?)8, "4G", "gpu:1")));
        Assert.That(train.Extra, Is.EqualTo(new[] { "--qos=normal" }));
        var select = executor.Slurm.For("select");
        Assert.That((select.Partition, select.Time, select.CpusPerTask, select.Gres),
            Is.EqualTo(("cpu", "01:00:00", (int?)null, (string?)null)));
        Assert.That(executor.Slurm.GraceSeconds, Is.EqualTo(300));
    }

    [Test]
    public void Executor_IsNotPartOfAnyKey()
    {
        var local = StudyManifest.Parse(Grid, "m.toml");
        var slurm = StudyManifest.Parse(
            Grid + "[executor]\nkind = \"slurm\"\njobs = 4\n[executor.slurm]\ntime = \"10\"\n", "m.toml");
        string Keys(ExperimentManifest m)
        {
            var runner = new NasPipeline.Graph.StageRunner(new NasPipeline.Caching.NodeStore("unused"),
                new NasPipeline.Graph.MemoryLog(), NasPipeline.Training.NullProgress.Instance);
            return string.Join(",", new NasPipeline.Stages.ExperimentPipeline(m, runner, RepoPaths.Templates).Plan()
                .Where(r => r.Key is not null).Select(r => r.Key));
        }
        Assert.That(Keys(slurm), Is.EqualTo(Keys(local)).And.Not.Empty);
    }
}
