using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace NasPipeline.Reporting;

/// <summary>Renders Liquid templates (Fluid) with a <see cref="ReportModel"/> as <c>report</c>.</summary>
public static class TemplateRenderer
{
    static readonly FluidParser Parser = new();

    // Escape what HTML needs escaped, but keep ±, ×, α readable in the page source.
    static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(string templatePath, ReportModel model, bool html)
    {
        var text = File.ReadAllText(templatePath);
        if (!Parser.TryParse(text, out var template, out var error))
            throw new InvalidDataException($"{templatePath}: template error: {error}");
        var options = new TemplateOptions { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
        // NB201 arch strings are full of '|', which would split a Markdown table cell.
        options.Filters.AddFilter("md_cell", (input, _, _) => new StringValue(input.ToStringValue().Replace("|", "\\|")));
        var context = new TemplateContext(options);
        context.SetValue("report", model);
        return template.Render(context, html ? Html : NullEncoder.Default);
    }
}
