using NasPipeline.Manifest;
using NasPipeline.Reporting;
using NasPipeline.Reporting.Compute;

namespace NasPipeline.Tests.Reporting.Compute;

/// <summary>Energy and CO₂e by hand, and shared nodes split so totals neither drop nor double count.</summary>
public sealed class ComputeAccountTests
{
    static readonly FootprintFactors Factors =
        new(WattsPerCpuCore: 10, WattsPerGpu: 250, Pue: 1.5, GramsCo2ePerKwh: 400);

    static readonly GridCell DartsMag = new("darts", "mag", 0), DartsRand = new("darts", "rand", 0),
        GdasMag = new("gdas", "mag", 0), GdasRand = new("gdas", "rand", 0);

    static readonly NodeUsage[] Nodes =
    [
        new("train/darts/seed=0", "train", 3600, 7200, 2, "cpu", [DartsMag, DartsRand]),
        new("train/gdas/seed=0", "train", 1800, null, 2, "cpu", [GdasMag, GdasRand]), // old record: wall × threads
        new("select/rand/seed=0", "select", 360, 360, 2, "cpu", [DartsRand, GdasRand]), // seed-level, shared
        new("retrain/x", "retrain", 720, 1440, 2, "cuda", [DartsMag, GdasMag, DartsRand]), // shared retrain on a GPU
        new("proxy/synflow", "proxy", 100, 100, 2, "cpu", []),
    ];

    [Test]
    public void Footprint_OneNode_ByHand()
    {
        // 7,200 core-seconds × 10 W × 1.5 = 108,000 J = 0.03 kWh; × 400 g/kWh = 12 g.
        var f = Footprint.Of(Nodes[0], Factors);
        Assert.That((f.KilowattHours, f.GramsCo2e), Is.EqualTo((0.03, 12.0)).Within(1e-12));
        // On a GPU: + 720 s × 250 W: (1,440 × 10 + 720 × 250) × 1.5 J = 291,600 J = 0.081 kWh.
        Assert.That(Footprint.Of(Nodes[3], Factors).KilowattHours, Is.EqualTo(0.081).Within(1e-12));
    }

    [Test]
    public void Account_TotalsByStageTrainerAndSelector_SplitSharedNodes()
    {
        var account = ComputeAccount.Of(Nodes, Factors, ["darts", "gdas"], ["mag", "rand"]);
        Assert.That(account.Total.CoreSeconds, Is.EqualTo(7200 + 3600 + 360 + 1440 + 100));
        Assert.That(account.EstimatedNodes, Is.EqualTo(1));
        Assert.That(account.ByStage.Select(s => s.Name), Is.EqualTo(new[] { "train", "select", "retrain", "proxy" }));
        var byTrainer = account.ByTrainer.ToDictionary(x => x.Name, x => x.Cost.CoreSeconds);
        Assert.That(byTrainer["darts"], Is.EqualTo(7200 + 180 + 720),
            "its supernet, half the shared select, half the retrain");
        Assert.That(byTrainer["gdas"], Is.EqualTo(3600 + 180 + 720));
        var bySelector = account.BySelector.ToDictionary(x => x.Name, x => x.Cost.CoreSeconds);
        Assert.That(bySelector["mag"], Is.EqualTo(720), "half the retrain; supernets are nobody's selector cost");
        Assert.That(bySelector["rand"], Is.EqualTo(360 + 720));
        Assert.That(account.Total.GpuSeconds, Is.EqualTo(720));
    }

    [Test]
    public void FootprintLine_ReadsLikeAPaper()
    {
        var account = ComputeAccount.Of(Nodes, Factors, ["darts", "gdas"], ["mag", "rand"]);
        Assert.That(ComputeViewBuilder.FootprintLine(account, Nodes.Length),
            Does.StartWith("0.20 GPU hours, 3.53 CPU core-hours, "));
        Assert.That(ComputeViewBuilder.FootprintLine(account, Nodes.Length), Does.Contain(" g CO₂e (5 nodes,"));
    }

    [TestCase(25_400 * 3600.0, "25,400")]
    [TestCase(0.42 * 3600, "0.42")]
    public void Hours_PaperStyle(double seconds, string expected) =>
        Assert.That(Format.Hours(seconds / 3600), Is.EqualTo(expected));

    [TestCase(3_292_000.0, "3.29 t CO₂e")]
    [TestCase(3_292.0, "3.29 kg CO₂e")]
    [TestCase(0.0012, "0.0012 g CO₂e")]
    public void Co2e_Units(double grams, string expected) => Assert.That(Format.Co2e(grams), Is.EqualTo(expected));
}
