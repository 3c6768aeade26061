using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NasPipeline.Reporting.Templates;

/// <summary>
/// Renders the report's Scriban templates (<c>reports/templates/*.sbn-*</c>) with the view model as <c>report</c>.
/// Members keep their .NET names (<c>report.Title</c>), and an unknown variable or member is an error rather than
/// an empty string, so a renamed model property cannot silently blank a column. Scriban does not escape: the HTML
/// template escapes every text value with <c>html.escape</c>, the LaTeX one with <c>tex</c>.
/// </summary>
public static class TemplateRenderer
{
    public static string Render(string templatePath, object model)
    {
        var template = Template.Parse(File.ReadAllText(templatePath), templatePath);
        if (template.HasErrors)
            throw new TemplateException(string.Join(Environment.NewLine, template.Messages.Select(m => m.ToString())));
        var globals = new ScriptObject();
        globals.SetValue("report", model, readOnly: true);
        globals.Import("md_cell", new Func<string, string>(TextEscapes.MarkdownCell));
        globals.Import("tex", new Func<string, string>(TextEscapes.Latex));
        var context = new TemplateContext
        {
            MemberRenamer = m => m.Name, StrictVariables = true, EnableRelaxedMemberAccess = false,
            // Scriban's defaults cut the output at 1 MiB and loops at 1000 iterations: a report with embedded
            // figures, or a proxy study of 1000 architectures, is larger (0: no limit).
            LimitToString = 0, LoopLimit = 0,
        };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            // Scriban's message already reads "<template path>(line,col) : error : …".
            throw new TemplateException(e.Message, e);
        }
    }
}

/// <summary>
/// A template that does not parse or fails while rendering; the message names the file, line and column.
/// </summary>
public sealed class TemplateException(string message, Exception? inner = null) : Exception(message, inner);
