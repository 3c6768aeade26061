using NasPipeline.Stages;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Manifest;

/// <summary>[report]: the footprint factors and the baseline selector, with located errors.</summary>
public sealed class ReportSectionTests
{
    const string Grid = """
        [experiment]
        name = "t"

        [[trainers]]
        id = "darts"
        method = "darts"

        [[selectors]]
        id = "rand"
        method = "random"

        [[selectors]]
        id = "mag"
        method = "magnitude"

        """;

    static ManifestException Fails(string report) =>
        Assert.Throws<ManifestException>(() => StudyManifest.Parse(Grid + "[report]\n" + report, "m.toml"))!;

    [Test]
    public void Defaults_GreenAlgorithmsFactors_AndMagnitudeAsBaseline()
    {
        var report = StudyManifest.Parse(Grid, "m.toml").Report;
        Assert.That(report.Footprint, Is.EqualTo(new FootprintFactors(12, 200, 1.67, 475)));
        Assert.That(report.Baseline, Is.EqualTo("mag"), "the first magnitude selector, not the first selector");
    }

    [Test]
    public void Read_EveryFactorAndBaseline()
    {
        var report = StudyManifest.Parse(Grid + "[report]\nwatts_per_cpu_core = 8.5\nwatts_per_gpu = 300\n" +
            "pue = 1.1\ngrams_co2e_per_kwh = 50\nbaseline = \"rand\"\n", "m.toml").Report;
        Assert.That(report.Footprint, Is.EqualTo(new FootprintFactors(8.5, 300, 1.1, 50)));
        Assert.That(report.Baseline, Is.EqualTo("rand"));
    }

    [TestCase("pue = 0.9", 16, 7, "'pue' = 0.9 is out of range [1, 5]")]
    [TestCase("watts_per_cpu_core = -1", 16, 22, "'watts_per_cpu_core' = -1 is out of range [0, 1000]")]
    [TestCase("grams_co2e_per_kwh = \"low\"", 16, 22, "'grams_co2e_per_kwh' must be a number, got the string \"low\"")]
    [TestCase("watts_per_gpu = 1e9", 16, 17, "'watts_per_gpu' = 1000000000 is out of range [0, 5000]")]
    [TestCase("baseline = \"magnitude\"", 16, 12,
        "[report] baseline = \"magnitude\" is not a selector id; selectors: rand, mag")]
    [TestCase("watts_per_core = 10", 16, 1, "unknown key 'watts_per_core' in [report]")]
    public void Read_BadValue_ReportsLocation(string line, int row, int column, string message)
    {
        var e = Fails(line + "\n");
        Assert.That(e.Problem, Does.Contain(message));
        Assert.That((e.Location.File, e.Location.Line, e.Location.Column),
            Is.EqualTo(("m.toml", row, column)), e.Message);
    }
}
