using System.Text;

namespace NasPipeline.Reporting.Templates;

/// <summary>
/// Escapes for the two output formats Scriban knows nothing about (HTML uses Scriban's own html.escape).
/// </summary>
public static class TextEscapes
{
    /// <summary>NB201 arch strings are full of '|', which would split a Markdown table cell.</summary>
    public static string MarkdownCell(string text) => text.Replace("|", "\\|");

    /// <summary>
    /// LaTeX's special characters, and the few non-ASCII signs the report uses, so ids like <c>zc_pt</c> or
    /// <c>darts-2nd</c> compile in any preamble (pdflatex without inputenc extras).
    /// </summary>
    public static string Latex(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c switch
            {
                '\\' => @"\textbackslash{}", '&' => @"\&", '%' => @"\%", '$' => @"\$", '#' => @"\#", '_' => @"\_",
                '{' => @"\{", '}' => @"\}", '~' => @"\textasciitilde{}", '^' => @"\textasciicircum{}",
                '×' => @"$\times$", '±' => @"$\pm$", 'α' => @"$\alpha$", '→' => @"$\rightarrow$", '–' => "--",
                '←' => @"$\leftarrow$", 'ρ' => @"$\rho$", 'τ' => @"$\tau$", '≥' => @"$\geq$", '≤' => @"$\leq$",
                '<' => "$<$", '>' => "$>$", '|' => @"$|$", '−' => "$-$", 'χ' => @"$\chi$", '²' => "$^2$",
                '₂' => @"\textsubscript{2}", '…' => @"\ldots{}", '·' => @"$\cdot$", 'β' => @"$\beta$",
                _ => c.ToString(),
            });
        return sb.ToString();
    }
}
