using System.Text.Json.Serialization;
using NasPipeline.SearchSpaces;

namespace NasPipeline.Manifest;

/// <summary>
/// [search_space]: the cell space and the supernet's size: C channels and the space's depth, NB201's
/// <c>cells_per_stage</c> (N) or DARTS's <c>layers</c>. Depth keeps its first name in stage keys, so NB201's keys
/// did not change when DARTS came.
/// </summary>
public sealed record SearchSpaceSection(
    string Name, int Channels, [property: JsonPropertyName("CellsPerStage")] int Depth)
{
    public static IReadOnlyCollection<string> Names => SearchSpaceCatalog.Names;

    const int MaxDepth = 64;

    public static SearchSpaceSection Read(TomlSection s)
    {
        var name = s.Choice("name", "nb201", Names);
        var channels = s.Int("channels", 16, min: 1, max: 1024);
        var depth = ReadDepth(s, name, fallback: null);
        s.RejectUnknownKeys();
        return new SearchSpaceSection(name, channels, depth);
    }

    /// <summary>
    /// Reads <paramref name="space"/>'s depth key; the other space's key is an error at its place saying which key
    /// this space takes.
    /// </summary>
    public static int ReadDepth(TomlSection s, string space, int? fallback)
    {
        var (key, defaultDepth) = SearchSpaceCatalog.Get(space).Depth;
        foreach (var other in Names.Select(n => SearchSpaceCatalog.Get(n).Depth.Key).Where(k => k != key))
            // Has, not Find: the other space's key must not be listed among this section's expected keys.
            if (s.Has(other))
                throw new ManifestException(s.Find(other)!.KeyLocation,
                    $"'{other}' is not a key of the {space} space; its depth is '{key}'");
        return s.Int(key, fallback ?? defaultDepth, min: 1, max: MaxDepth);
    }
}
