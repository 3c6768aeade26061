namespace NasPipeline.Manifest;

/// <summary>
/// A [[trainers]] or [[selectors]] entry: the user's id for it, the method name and its typed options.
/// </summary>
public sealed record PluginSpec(string Id, string Method, object Options, SourceLocation Location)
{
    /// <summary>Reads one entry; the method's own options reader consumes the remaining keys.</summary>
    public static PluginSpec Read(TomlSection s, IPluginOptionsReader catalog)
    {
        var id = s.RequireString("id");
        CheckId(id, s);
        var methodEntry = s.Require("method", $"one of: {string.Join(", ", catalog.Names)}");
        var method = s.RequireString("method");
        var options = catalog.ReadOptions(method, s, methodEntry.ValueLocation);
        s.RejectUnknownKeys();
        return new PluginSpec(id, method, options, s.Location);
    }

    /// <summary>
    /// An id may hold any printable character (reports escape it), but it is a segment of node ids
    /// (train/&lt;id&gt;/seed=0) and of log paths, so it must not hold a path separator or be '.' or '..'.
    /// </summary>
    static void CheckId(string id, TomlSection s)
    {
        var at = s.Find("id")!.ValueLocation;
        var problem =
            id.Length == 0 ? "must not be empty"
            : id.Any(char.IsControl) ? "must not contain control characters (line breaks, tabs)"
            : id.IndexOfAny(['/', '\\']) >= 0
                ? $"\"{id}\" must not contain '/' or '\\' (it names node folders and logs)"
            : id is "." or ".." ? $"\"{id}\" must not be '.' or '..' (it names node folders and logs)"
            : null;
        if (problem is not null) throw new ManifestException(at, $"[{s.Name}] id {problem}");
    }
}
