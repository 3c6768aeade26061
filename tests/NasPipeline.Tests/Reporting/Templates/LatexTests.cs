using NasPipeline.Stages;
using System.Diagnostics;
using NasPipeline.Manifest;
using NasPipeline.Reporting.Templates;
using static NasPipeline.Tests.Reporting.ReportFixture;

namespace NasPipeline.Tests.Reporting.Templates;

/// <summary>
/// report.tex is a fragment a paper \inputs: booktabs tables, escaped ids, bold best, significance markers. It is
/// compiled in a minimal document when pdflatex is installed (Debian's texlive-latex-recommended has booktabs);
/// otherwise its structure is checked.
/// </summary>
public sealed class LatexTests
{
    const string Grid = """
        [experiment]
        name = "tex_study"
        seeds = [0, 1, 2, 3, 4, 5]
        [[trainers]]
        id = "darts_1st"
        method = "darts"
        [[trainers]]
        id = "gdas"
        method = "gdas"
        [[selectors]]
        id = "magnitude"
        method = "magnitude"
        [[selectors]]
        id = "zc&pt"
        method = "random"

        """;

    static string Tex(ReportFixture fixture)
    {
        var manifest = StudyManifest.Parse(Grid, "tex.toml");
        var runs = from trainer in new[] { "darts_1st", "gdas" }
                   from seed in Enumerable.Range(0, 6)
                   from selector in new[] { "magnitude", "zc&pt" }
                   select Run(trainer, selector, seed,
                       60 + seed + (selector == "magnitude" ? 0 : trainer == "gdas" ? 5 + 0.1 * seed : -1));
        return TemplateRenderer.Render(Template("report.sbn-tex"), fixture.Build(manifest, runs.ToList()));
    }

    [Test]
    public void Tex_BooktabsTables_EscapedIds_BestBold_SignificanceMarked()
    {
        using var fixture = new ReportFixture();
        var tex = Tex(fixture);
        Assert.That(tex, Does.Contain(@"\toprule").And.Contain(@"\midrule").And.Contain(@"\bottomrule"));
        Assert.That(tex, Does.Contain(@"darts\_1st").And.Contain(@"zc\&pt").And.Not.Contain("zc&pt"));
        // gdas: zc&pt beats magnitude on all six seeds by 5–5.5 points: exact p = 2/64, Holm p = 0.031 → "*".
        Assert.That(tex, Does.Match(
            @"gdas & 62\.50 \$\\pm\$ 1\.96 & \\textbf\{67\.75 \$\\pm\$ \d\.\d\d\}\\textsuperscript\{\*\}"));
        Assert.That(tex, Does.Not.Contain("\\documentclass"), "a fragment to \\input");
        Assert.That(tex.Count(c => c == '{'), Is.EqualTo(tex.Count(c => c == '}')), "balanced braces");
    }

    [Test]
    public void Tex_CompilesInAPaper()
    {
        var pdflatex = new[] { "/usr/bin/pdflatex", "/usr/local/bin/pdflatex" }.FirstOrDefault(File.Exists);
        if (pdflatex is null)
            Assert.Ignore("pdflatex is not installed (texlive-latex-recommended); the structure test still runs");
        using var fixture = new ReportFixture();
        File.WriteAllText(Path.Combine(fixture.Directory, "report.tex"), Tex(fixture));
        File.WriteAllText(Path.Combine(fixture.Directory, "paper.tex"),
            "\\documentclass{article}\n\\usepackage{booktabs}\n" +
            "\\begin{document}\n\\input{report.tex}\n\\end{document}\n");
        var start = new ProcessStartInfo(pdflatex, "-interaction=nonstopmode -halt-on-error paper.tex")
        {
            WorkingDirectory = fixture.Directory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, output);
        Assert.That(File.Exists(Path.Combine(fixture.Directory, "paper.pdf")));
        Assert.That(output, Does.Not.Contain("Missing character"));
    }
}
