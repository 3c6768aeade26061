using NasPipeline.SearchSpaces.Darts;
using NasPipeline.SearchSpaces.Nb201;

namespace NasPipeline.SearchSpaces;

/// <summary>The search spaces by their manifest name (<c>[search_space] name</c>, default "nb201").</summary>
public static class SearchSpaceCatalog
{
    static readonly Dictionary<string, ISearchSpace> Spaces = new(StringComparer.Ordinal)
    {
        ["nb201"] = Nb201SearchSpace.Instance,
        ["darts"] = DartsSearchSpace.Instance,
    };

    public static IReadOnlyCollection<string> Names => Spaces.Keys;

    /// <summary>The space called <paramref name="name"/>; an unknown name fails listing the known ones.</summary>
    public static ISearchSpace Get(string name) => Spaces.TryGetValue(name, out var space) ? space
        : throw new ArgumentException(
            $"unknown search space \"{name}\"; known: {string.Join(", ", Spaces.Keys)}", nameof(name));
}
