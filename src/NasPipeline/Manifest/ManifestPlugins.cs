namespace NasPipeline.Manifest;

/// <summary>
/// The plug-ins a manifest may name, handed to the loader by the layer that owns the catalogs (the manifest knows
/// sections and keys, not trainers, selectors or proxies).
/// </summary>
public sealed record ManifestPlugins(
    IPluginOptionsReader Trainers, IPluginOptionsReader Selectors, IReadOnlyList<string> Proxies);

/// <summary>Reads one kind of plug-in's options from its manifest entry.</summary>
public interface IPluginOptionsReader
{
    /// <summary>The manifest names, in the order error messages list them.</summary>
    IEnumerable<string> Names { get; }

    /// <summary>
    /// The options of plug-in <paramref name="name"/>; an unknown name fails at <paramref name="where"/>.
    /// </summary>
    object ReadOptions(string name, TomlSection section, SourceLocation where);
}
