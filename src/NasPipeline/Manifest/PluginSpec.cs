namespace NasPipeline.Manifest;

/// <summary>A [[trainers]] or [[selectors]] entry: the user's id for it, the method name and its typed options.</summary>
public sealed record PluginSpec(string Id, string Method, object Options, SourceLocation Location)
{
    /// <summary>Reads one entry; the method's own options reader consumes the remaining keys.</summary>
    public static PluginSpec Read<TPlugin>(TomlSection s, PluginCatalog<TPlugin> catalog)
    {
        var id = s.RequireString("id");
        var methodEntry = s.Require("method", $"one of: {string.Join(", ", catalog.Names)}");
        var method = s.RequireString("method");
        var entry = catalog.Find(method, methodEntry.ValueLocation);
        var options = entry.ReadOptions(s);
        s.RejectUnknownKeys();
        return new PluginSpec(id, method, options, s.Location);
    }
}
