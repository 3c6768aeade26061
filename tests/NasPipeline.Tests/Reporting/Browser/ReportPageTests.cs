using Microsoft.Playwright;

namespace NasPipeline.Tests.Reporting.Browser;

/// <summary>
/// Opens a real study's report.html in headless Chromium (Debian's <c>chromium</c> package driven by Playwright;
/// no browser download) as a reader would: at 1280 px every table is there, every figure decodes, nothing logs an
/// error and nothing sticks out sideways. The screenshot is saved with the test results.
/// </summary>
[Category("Browser")]
public sealed class ReportPageTests
{
    const string Chromium = "/usr/bin/chromium";
    ReportStudy _study = null!;
    IPlaywright _playwright = null!;
    IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        if (!File.Exists(Chromium))
            Assert.Ignore($"{Chromium} is missing: install Debian's chromium " +
                "(apt-get install chromium; the Test target does it as root)");
        _study = new ReportStudy();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _study?.Dispose();
    }

    [Test]
    public async Task ReportHtml_At1280px_TablesFiguresNoErrorsNoOverflow()
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        // Generous: a loaded 2-core machine (or a paused process) must not fail a page that renders in a second.
        page.SetDefaultTimeout(120_000);
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(_study.File("report.html")).AbsoluteUri,
            new() { WaitUntil = WaitUntilState.Load });

        foreach (var table in new[] { "#matrix", "#comparisons", "#ranks", "#runs", "#compute" })
            Assert.That(await page.Locator($"table{table} tr").CountAsync(), Is.GreaterThan(1),
                $"table {table} has rows");
        var images = await page.EvaluateAsync<int[]>("[...document.images].map(i => i.complete ? i.naturalWidth : 0)");
        Assert.That(images, Has.Length.GreaterThanOrEqualTo(6),
            "heatmap, CD diagram, validation, two mixing figures, cells");
        Assert.That(images, Has.All.GreaterThan(0), "every figure decoded");
        var widths = await page.EvaluateAsync<int[]>(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.That(widths[0], Is.LessThanOrEqualTo(widths[1]), "no horizontal overflow at 1280 px");
        Assert.That(errors, Is.Empty, "console errors");

        var shot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-page.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        var top = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-page-top.png");
        await page.ScreenshotAsync(new() { Path = top });
        TestContext.AddTestAttachment(shot, "the whole report page at 1280 px");
        TestContext.AddTestAttachment(top, "what a reader sees first");
    }

    [Test]
    public void Report_WritesTexMarkdownFiguresAndCsvs()
    {
        Assert.That(File.ReadAllText(_study.File("report.md")), Does.Contain("](figures/heatmap.png)"));
        Assert.That(Directory.GetFiles(Path.Combine(_study.ReportDirectory, "figures"), "*.svg"),
            Has.Length.GreaterThanOrEqualTo(6));
        Assert.That(File.ReadAllText(_study.File("report.tex")), Does.Contain(@"\begin{tabular}"));
        var header = File.ReadLines(_study.File("results.csv")).First().Split(',');
        Assert.That(header,
            Is.SupersetOf(new[] { "TrainCpuSeconds", "SelectCpuSeconds", "RetrainCpuSeconds", "Threads", "Device" }));
        var summary = File.ReadLines(_study.File("summary.csv")).First().Split(',');
        Assert.That(summary,
            Is.SupersetOf(new[] { "CiLowAccuracy", "CiHighAccuracy", "DifferenceToBaseline", "PValue", "HolmPValue" }));
    }
}
