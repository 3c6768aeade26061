namespace NasPipeline.Manifest;

/// <summary>One plug-in a manifest can name: how to read its options and how to build it from them.</summary>
public sealed record PluginEntry<TPlugin>(string Name, string Summary, Func<TomlSection, object> ReadOptions,
    Func<object, TPlugin> Create);

/// <summary>
/// Manifest name → plug-in, for one kind of plug-in (trainers, selectors, proxies). Each kind has one catalog
/// file that lists its entries; adding a plug-in adds one line there and touches no other plug-in.
/// </summary>
public sealed class PluginCatalog<TPlugin>(string kind, IEnumerable<PluginEntry<TPlugin>> entries)
    : IPluginOptionsReader
{
    readonly Dictionary<string, PluginEntry<TPlugin>> _entries = entries.ToDictionary(e => e.Name,
        StringComparer.Ordinal);

    public string Kind { get; } = kind;
    public IEnumerable<string> Names => _entries.Keys.Order(StringComparer.Ordinal);
    public IEnumerable<PluginEntry<TPlugin>> Entries => _entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal);

    /// <summary>
    /// The entry for <paramref name="name"/>; an unknown name fails at its place listing the valid ones.
    /// </summary>
    public PluginEntry<TPlugin> Find(string name, SourceLocation where) =>
        _entries.GetValueOrDefault(name) ??
        throw new ManifestException(where,
            $"unknown {Kind} method \"{name}\"; valid methods: {string.Join(", ", Names)}");

    public object ReadOptions(string name, TomlSection section, SourceLocation where) =>
        Find(name, where).ReadOptions(section);

    /// <summary>Builds the plug-in for options that <see cref="Find"/>'s entry read.</summary>
    public TPlugin Create(string name, object options) => _entries[name].Create(options);
}
