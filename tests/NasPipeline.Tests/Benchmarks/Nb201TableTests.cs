using NasPipeline.Stages;
using NasPipeline.Benchmarks;
using NasPipeline.Data;

namespace NasPipeline.Tests.Benchmarks;

public sealed class Nb201TableTests
{
    [Test]
    public void Load_SharedTable_HasTheBenchmarksKnownFacts()
    {
        var table = SharedTable.Require();
        Assert.That(table.Entries, Has.Count.EqualTo(15_625));
        Assert.That(table.BestCifar10Test, Is.EqualTo(94.3733).Within(1e-4));
        var best = table.Entries.MaxBy(e => e.Cifar10Test)!;
        Assert.That(best.Index, Is.EqualTo(6111));
        Assert.That(table.Lookup("|skip_connect~0|+|skip_connect~0|skip_connect~1|+" +
                "|skip_connect~0|skip_connect~1|skip_connect~2|").Cifar10Test,
            Is.EqualTo(54.2967).Within(1e-4));
        Assert.That(table.Lookup("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+" +
                "|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|").ParamsMillions,
            Is.EqualTo(1.531546).Within(1e-9));
        Assert.That(table.Cifar10TestRank(best.Cifar10Test), Is.EqualTo((1, 100.0)));
    }

    [Test]
    public void Lookup_UnknownArch_SaysSo()
    {
        var table = SharedTable.Require();
        var e = Assert.Throws<DataException>(() => table.Lookup("|x~0|"))!;
        Assert.That(e.Message, Does.Contain("not in the NAS-Bench-201 table"));
    }

    [Test]
    public void Load_MissingFileOrColumn_IsAClearError()
    {
        using var dir = new TempDirectory();
        Assert.That(Assert.Throws<DataException>(() => Nb201Table.Load(dir.File("none.csv")))!.Message,
            Does.Contain("not found"));
        File.WriteAllText(dir.File("bad.csv"), "index,arch,params_m\n0,|a~0|,1\n");
        Assert.That(Assert.Throws<DataException>(() => Nb201Table.Load(dir.File("bad.csv")))!.Message,
            Does.Contain("column 'cifar10_valid_acc' missing"));
    }

    [Test]
    public void Rank_CountsStrictlyBetterArchitectures()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("t.csv"),
            "index,arch,params_m,cifar10_valid_acc,cifar10_test_acc," +
            "cifar100_test_acc,imagenet16_test_acc,naswot_cifar10\n" +
            "0,a,1,1,90,1,1,\n1,b,1,1,80,1,1,-3.5\n2,c,1,1,80,1,1,\n3,d,1,1,70,1,1,\n");
        var table = Nb201Table.Load(dir.File("t.csv"));
        Assert.That(table.Cifar10TestRank(80), Is.EqualTo((2, 75.0)));
        Assert.That(table.Lookup("b").NaswotCifar10, Is.EqualTo(-3.5));
        Assert.That(table.Lookup("a").NaswotCifar10, Is.Null);
    }

    [Test]
    public void Evaluate_GivesBenchmarkAccuraciesRankPercentileAndRegret()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("t.csv"),
            "index,arch,params_m,cifar10_valid_acc,cifar10_test_acc,cifar100_test_acc,imagenet16_test_acc\n" +
            "0,a,1,88,94,70,40\n1,b,1,85,90,65,35\n2,c,1,80,80,50,30\n3,d,1,70,70,40,20\n");
        var result = Nb201Table.Load(dir.File("t.csv")).Evaluate("b");
        Assert.That(result,
            Is.EqualTo(new BenchmarkResult(85, 90, 65, 35, Rank: 2, Architectures: 4, Percentile: 75, Regret: 4)));
    }

    [Test]
    public void Evaluate_OnTheSharedTable_BestArchitectureHasNoRegret()
    {
        var table = SharedTable.Require();
        var best = table.Evaluate(table.Entries[6111].Arch);
        Assert.That((best.Rank, best.Percentile, best.Regret), Is.EqualTo((1, 100.0, 0.0)));
        var collapse = table.Evaluate("|skip_connect~0|+|skip_connect~0|skip_connect~1|+" +
            "|skip_connect~0|skip_connect~1|skip_connect~2|");
        Assert.That(collapse.Regret, Is.EqualTo(94.3733 - 54.2967).Within(1e-3));
        Assert.That(collapse.Percentile, Is.LessThan(5));
    }

    [Test]
    public void Load_FromManifest_MissingFile_NamesTheManifestPlace()
    {
        var m = NasPipeline.Stages.StudyManifest.Parse(
            "[experiment]\nname = \"t\"\nseeds = [0]\n\n[benchmark]\ntable = \"no/such/nb201.csv\"\n\n[proxy_study]\n",
            "m.toml");
        var e = Assert.Throws<DataException>(() => Nb201Table.Load(m.Benchmark))!;
        Assert.That(e.Message, Does.StartWith("m.toml:6:9: [benchmark] table = \"no/such/nb201.csv\": file not found"));
    }
}
