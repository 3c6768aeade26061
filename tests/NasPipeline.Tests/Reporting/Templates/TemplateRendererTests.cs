using NasPipeline.Reporting.Templates;

namespace NasPipeline.Tests.Reporting.Templates;

/// <summary>A broken template names its file, line and column, whether it fails to parse or to render.</summary>
public sealed class TemplateRendererTests
{
    sealed record Model(string Title, IReadOnlyList<int> Values);

    static string Render(string text)
    {
        using var dir = new TempDirectory();
        var path = dir.File("broken.sbn-md");
        File.WriteAllText(path, text);
        return TemplateRenderer.Render(path, new Model("a|b <c>", [1, 2]));
    }

    [Test]
    public void Render_KeepsDotNetNamesAndEscapes()
    {
        Assert.That(Render("{{ report.Title | md_cell }};{{ report.Title | html.escape }};" +
                "{{ for v in report.Values }}{{ v }}{{ end }}"),
            Is.EqualTo("a\\|b <c>;a|b &lt;c&gt;;12"));
        Assert.That(Render("{{ report.Title | tex }}"), Is.EqualTo("a$|$b $<$c$>$"));
    }

    [Test]
    public void Render_ParseError_NamesFileAndLine()
    {
        var e = Assert.Throws<TemplateException>(() => Render("line one\n{{ for v in report.Values }}\nno end"))!;
        Assert.That(e.Message, Does.Match(@"broken\.sbn-md\(2,\d+\) : error : .*end"));
    }

    [Test]
    public void Render_UnknownMember_IsAnErrorWithItsLine()
    {
        var e = Assert.Throws<TemplateException>(() => Render("one\ntwo\n{{ report.Titel }}"))!;
        Assert.That(e.Message, Does.Match(@"broken\.sbn-md\(3,\d+\) : error : .*Titel"));
    }

    /// <summary>A default-study page with embedded figures passes 1 MiB; Scriban's default cut it off there.</summary>
    [Test]
    public void Render_LargeOutputAndLongLoops_AreNotCut()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.sbn-html");
        File.WriteAllText(path, "{{ report.Title }}{{ for v in report.Values }}.{{ end }}</html>");
        var model = new Model(new string('x', 2_000_000), Enumerable.Range(0, 5000).ToList());
        var output = TemplateRenderer.Render(path, model);
        Assert.That(output, Has.Length.EqualTo(2_000_000 + 5000 + "</html>".Length));
        Assert.That(output, Does.EndWith("</html>"));
    }
}
