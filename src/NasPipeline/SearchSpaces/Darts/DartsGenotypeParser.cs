using System.Globalization;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// Reads a DARTS genotype as Python writes it: <c>Genotype(normal=[('sep_conv_3x3', 0), …], normal_concat=[2, 3, 4,
/// 5], reduce=[…], reduce_concat=range(2, 6))</c>, the namedtuple's repr and its constructor alike: keyword or
/// positional fields, concat as a list, a tuple or <c>range(a, b)</c>, pairs as tuples or lists, either quote,
/// line breaks, trailing commas, <c>#</c> comments and an optional <c>NAME =</c> in front (a line pasted from a
/// genotypes.py file). Errors say where: line and column of the offending token.
/// </summary>
public sealed class DartsGenotypeParser
{
    static readonly string[] Fields = ["normal", "normal_concat", "reduce", "reduce_concat"];

    readonly string _text;
    readonly List<Token> _tokens;
    int _next;

    DartsGenotypeParser(string text)
    {
        _text = text;
        _tokens = DartsGenotypeLexer.Tokens(text).ToList();
    }

    public static DartsGenotype Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DartsGenotypeParser(text).Genotype();
    }

    DartsGenotype Genotype()
    {
        if (Peek.Kind == TokenKind.Name && _tokens[_next + 1].Text == "=") _next += 2;
        var name = Expect(TokenKind.Name, "Genotype");
        if (name.Text != "Genotype") throw Error(name, "expected Genotype(...)");
        Expect("(");
        var values = new object?[Fields.Length];
        var (position, keywords) = (0, false);
        while (Peek.Text != ")")
        {
            int field;
            if (Peek.Kind == TokenKind.Name && _tokens[_next + 1].Text == "=")
            {
                var key = Next();
                _next++;
                field = Array.IndexOf(Fields, key.Text);
                if (field < 0) throw Error(key, $"unknown field \"{key.Text}\"; fields: {string.Join(", ", Fields)}");
                if (values[field] is not null) throw Error(key, $"field {key.Text} given twice");
                keywords = true;
            }
            else
            {
                if (keywords) throw Error(Peek, "positional field after a keyword field");
                if (position >= Fields.Length) throw Error(Peek, "more than four fields");
                field = position++;
            }
            values[field] = field % 2 == 0 ? Genes() : Concat();
            Separator(")");
        }
        var close = Expect(")");
        if (Peek.Kind != TokenKind.End) throw Error(Peek, "unexpected text after Genotype(...)");
        for (var i = 0; i < Fields.Length; i++)
            if (values[i] is null) throw Error(close, $"missing field {Fields[i]}");
        try
        {
            return new DartsGenotype((List<(string, int)>)values[0]!, (List<int>)values[1]!,
                (List<(string, int)>)values[2]!, (List<int>)values[3]!);
        }
        catch (FormatException e) { throw new FormatException($"invalid DARTS genotype: {e.Message}", e); }
    }

    List<(string, int)> Genes()
    {
        var genes = new List<(string, int)>();
        Expect("[");
        while (Peek.Text != "]")
        {
            var open = Peek.Text == "[" ? "[" : "(";
            Expect(open);
            var op = Expect(TokenKind.String, "an operation name in quotes");
            if (DartsSpace.OperationIndex(op.Text) < 0)
                throw Error(op, $"unknown operation; DARTS operations: {string.Join(", ", DartsSpace.Operations)}");
            Expect(",");
            var (inputToken, node) = (Peek, genes.Count / 2);
            var input = Integer();
            if (input >= 2 + node)
                throw Error(inputToken,
                    $"node {node} can take inputs 0..{1 + node} (the cell inputs and earlier nodes)");
            genes.Add((op.Text, input));
            if (Peek.Text == ",") Next();
            Expect(open == "[" ? "]" : ")");
            Separator("]");
        }
        Next();
        return genes;
    }

    List<int> Concat()
    {
        if (Peek.Text == "range") return Range();
        var open = Peek.Text == "[" ? "[" : "(";
        var close = open == "[" ? "]" : ")";
        Expect(open);
        var values = new List<int>();
        while (Peek.Text != close)
        {
            values.Add(Integer());
            Separator(close);
        }
        Next();
        return values;
    }

    List<int> Range()
    {
        Next();
        Expect("(");
        var first = Integer();
        var (start, stop) = (0, first);
        if (Peek.Text == ",") { Next(); if (Peek.Text != ")") (start, stop) = (first, Integer()); }
        if (Peek.Text == ",") Next();
        Expect(")");
        return Enumerable.Range(start, Math.Max(0, stop - start)).ToList();
    }

    int Integer()
    {
        var token = Expect(TokenKind.Integer, "an integer");
        return int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value : throw Error(token, $"integer {token.Text} is too large");
    }

    Token Peek => _tokens[_next];

    Token Next() => _tokens[Math.Min(_next++, _tokens.Count - 1)];

    Token Expect(string punctuation) =>
        Peek.Kind == TokenKind.Punctuation && Peek.Text == punctuation
            ? Next()
            : throw Error(Peek, $"expected '{punctuation}'");

    /// <summary>Between the items of a list: a comma, or the list's closing bracket (left for the caller).</summary>
    void Separator(string close)
    {
        if (Peek.Text == close) return;
        if (Peek.Kind != TokenKind.Punctuation || Peek.Text != ",") throw Error(Peek, $"expected ',' or '{close}'");
        Next();
    }

    Token Expect(TokenKind kind, string what) => Peek.Kind == kind ? Next() : throw Error(Peek, $"expected {what}");

    FormatException Error(Token at, string why) => DartsGenotypeLexer.Error(_text, at.Offset,
        at.Kind == TokenKind.End ? $"{why}, found the end of the text" : $"{why}, found \"{at.Text}\"");
}
