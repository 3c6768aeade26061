using NasPipeline.Manifest;
using NasPipeline.Trainers;
using NasPipeline.Trainers.Gdas;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Tests.Trainers.Snas;

/// <summary>
/// The Gumbel temperatures as the references schedule them: SNAS as DrNAS runs it on NB201
/// (xiangning-chen/DrNAS 201-space/train_search.py: τ starts at tau_max = 10 and drops by (tau_min − tau_max) /
/// epochs after every epoch, tau_min = 1); GDAS as xautodl (exps/NAS-Bench-201-algos/GDAS.py:
/// τ = tau_max − (tau_max − tau_min) · epoch / (epochs − 1), scripts-search/NAS-Bench-201-algos/GDAS.sh: 10 →
/// 0.1).
/// </summary>
public sealed class SnasTemperatureTests
{
    static GumbelOptions Defaults(string method)
    {
        var section = TomlDocument.Parse("", "t.toml").Root;
        return (GumbelOptions)TrainerCatalog.Default.Find(method, section.Location).ReadOptions(section);
    }

    [Test]
    public void Snas_StartsAtTen_AndDropsByNineHundredthsPerEpochOf100()
    {
        var options = Defaults("snas");
        Assert.That(options.Temperature(new TrainingStep(0, 100, 0, 10, 0.1)), Is.EqualTo(10).Within(1e-12));
        Assert.That(options.Temperature(new TrainingStep(1, 100, 7, 10, 0.1)), Is.EqualTo(9.91).Within(1e-12));
        Assert.That(options.Temperature(new TrainingStep(99, 100, 9, 10, 0.1)), Is.EqualTo(1.09).Within(1e-12));
    }

    [Test]
    public void Gdas_GoesFromTenToATenthLinearly_ReachingItInTheLastEpoch()
    {
        var options = Defaults("gdas");
        Assert.That(options.Temperature(new TrainingStep(0, 250, 0, 10, 0.1)), Is.EqualTo(10).Within(1e-12));
        Assert.That(options.Temperature(new TrainingStep(249, 250, 9, 10, 0.1)), Is.EqualTo(0.1).Within(1e-12));
    }
}
