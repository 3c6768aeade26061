using NasPipeline.Manifest;

namespace NasPipeline.Selectors.Random;

/// <summary>The random control has no options; the experiment seed makes it reproducible.</summary>
public sealed record RandomOptions
{
    public static RandomOptions Read(TomlSection s) => new();
}
