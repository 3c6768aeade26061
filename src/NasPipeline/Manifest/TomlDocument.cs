using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace NasPipeline.Manifest;

/// <summary>
/// A manifest file as located sections. Built on Tomlyn's lossless syntax tree because its spans give
/// every key and value a line and column, which the typed serializer does not keep.
/// </summary>
public sealed class TomlDocument
{
    readonly Dictionary<string, TomlSection> _tables = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<TomlSection>> _arrays = new(StringComparer.Ordinal);
    readonly List<(string Name, SourceLocation Location)> _order = [];

    TomlDocument(string file) => Root = new TomlSection("(top level)", new SourceLocation(file, 1, 1));

    public TomlSection Root { get; }

    public static TomlDocument Load(string path) => Parse(ManifestText.Read(path), path);

    public static TomlDocument Parse(string text, string file)
    {
        var syntax = SyntaxParser.Parse(text, file, validate: true);
        if (syntax.HasErrors)
        {
            var first = syntax.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            throw new ManifestException(At(file, first.Span.Start), $"invalid TOML: {first.Message}");
        }

        var doc = new TomlDocument(file);
        foreach (var kv in syntax.KeyValues) AddKeyValue(doc.Root, kv, file);
        foreach (var table in syntax.Tables)
        {
            var name = KeyText(table.Name!);
            var section = new TomlSection(name, At(file, table.Span.Start));
            foreach (var kv in table.Items) AddKeyValue(section, kv, file);
            if (table is TableArraySyntax)
            {
                if (doc._tables.ContainsKey(name))
                    throw new ManifestException(section.Location, $"[[{name}]] clashes with the table [{name}]");
                if (!doc._arrays.TryGetValue(name, out var list)) doc._arrays[name] = list = [];
                list.Add(section);
            }
            else if (!doc._tables.TryAdd(name, section) || doc._arrays.ContainsKey(name))
                throw new ManifestException(section.Location, $"table [{name}] is defined twice");
            doc._order.Add((name, section.Location));
        }
        return doc;
    }

    /// <summary>A [table]; an empty located section when absent so defaults apply.</summary>
    public TomlSection Table(string name)
    {
        Known.Add(name);
        if (_arrays.TryGetValue(name, out var entries))
            throw new ManifestException(entries[0].Location, $"[[{name}]] must be a single table: write [{name}]");
        return _tables.GetValueOrDefault(name) ?? new TomlSection(name, Root.Location);
    }

    /// <summary>True when the file has a [table] of that name.</summary>
    public bool HasTable(string name) => _tables.ContainsKey(name);

    /// <summary>All [[name]] entries in file order.</summary>
    public IReadOnlyList<TomlSection> TableArray(string name)
    {
        Known.Add(name);
        if (_tables.TryGetValue(name, out var table))
            throw new ManifestException(table.Location,
                $"[{name}] must be written [[{name}]] (an array of tables, one per entry)");
        return _arrays.GetValueOrDefault(name) ?? [];
    }

    List<string> Known { get; } = [];

    /// <summary>Fails on a section no reader asked for, naming the sections a manifest may have.</summary>
    public void RejectUnknownSections()
    {
        foreach (var (name, location) in _order)
            if (!Known.Contains(name))
                throw new ManifestException(location,
                    $"unknown section [{name}]; expected one of: {string.Join(", ", Known)}");
        Root.RejectUnknownKeys();
    }

    static void AddKeyValue(TomlSection section, KeyValueSyntax kv, string file)
    {
        var key = KeyText(kv.Key!);
        section.Add(new TomlEntry(key, Value(kv.Value!, key, file), At(file, kv.Key!.Span.Start),
            At(file, kv.Value!.Span.Start)));
    }

    static object Value(ValueSyntax value, string key, string file) => value switch
    {
        StringValueSyntax s => s.Value ?? "",
        IntegerValueSyntax i => i.Value,
        FloatValueSyntax f => f.Value,
        BooleanValueSyntax b => b.Value,
        ArraySyntax a => a.Items.Select((item, n) =>
            new TomlEntry($"{key}[{n}]", Value(item.Value!, $"{key}[{n}]", file), At(file, item.Span.Start),
                At(file, item.Value!.Span.Start))).ToList(),
        InlineTableSyntax t => InlineTable(t, key, file),
        _ => throw new ManifestException(At(file, value.Span.Start),
            $"'{key}': date/time values are not used in manifests"),
    };

    static TomlSection InlineTable(InlineTableSyntax table, string key, string file)
    {
        var section = new TomlSection(key, At(file, table.Span.Start));
        foreach (var item in table.Items) AddKeyValue(section, item.KeyValue!, file);
        return section;
    }

    static string KeyText(KeySyntax key)
    {
        var parts = new List<string> { Part(key.Key!) };
        foreach (var dotted in key.DotKeys) parts.Add(Part(dotted.Key!));
        return string.Join('.', parts);
    }

    static string Part(BareKeyOrStringValueSyntax part) => part switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => part.ToString()?.Trim() ?? "",
    };

    static SourceLocation At(string file, TextPosition position) => new(file, position.Line + 1, position.Column + 1);
}
