using System.Text;

namespace NasPipeline.SearchSpaces.Darts;

enum TokenKind { Name, String, Integer, Punctuation, End }

/// <summary>One token of a genotype's text and where it starts.</summary>
readonly record struct Token(TokenKind Kind, string Text, int Offset);

/// <summary>Splits a genotype's Python text into names, quoted strings, integers and punctuation.</summary>
static class DartsGenotypeLexer
{
    public static IEnumerable<Token> Tokens(string text)
    {
        var i = 0;
        while (true)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '#' || text[i] == '\\'))
                if (text[i++] == '#')
                    while (i < text.Length && text[i] != '\n') i++;
            if (i >= text.Length) { yield return new Token(TokenKind.End, "", text.Length); yield break; }
            var start = i;
            var c = text[i];
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                yield return new Token(TokenKind.Name, text[start..i], start);
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                yield return new Token(TokenKind.Integer, text[start..i], start);
            }
            else if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                var newline = text.IndexOf('\n', i + 1);
                if (end < 0 || (newline >= 0 && newline < end)) throw Error(text, start, "unterminated string");
                i = end + 1;
                yield return new Token(TokenKind.String, text[(start + 1)..end], start);
            }
            else if ("()[],=".Contains(c))
            {
                i++;
                yield return new Token(TokenKind.Punctuation, c.ToString(), start);
            }
            else throw Error(text, start, $"unexpected character '{c}'");
        }
    }

    /// <summary>A FormatException saying where in <paramref name="text"/> (line and column from 1) and why.</summary>
    public static FormatException Error(string text, int offset, string why)
    {
        var (line, column) = (1, 1);
        for (var i = 0; i < offset && i < text.Length; i++)
            (line, column) = text[i] == '\n' ? (line + 1, 1) : (line, column + 1);
        var excerpt = new StringBuilder(text.Length > 60 ? Around(text, offset) : text).Replace('\n', ' ');
        return new FormatException(
            $"malformed DARTS genotype at line {line}, column {column}: {why} (in \"{excerpt}\")");
    }

    static string Around(string text, int offset)
    {
        var start = Math.Max(0, offset - 30);
        var end = Math.Min(text.Length, offset + 30);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
