using NasPipeline.Manifest;

namespace NasPipeline.Selectors.Magnitude;

/// <summary>Magnitude selection. NB201's DARTS keeps <c>none</c> eligible, hence the default.</summary>
public sealed record MagnitudeOptions(bool ExcludeNone)
{
    public static MagnitudeOptions Read(TomlSection s) => new(s.Bool("exclude_none", false));
}
