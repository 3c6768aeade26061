using NasPipeline.Manifest;
using NasPipeline.Selectors.Magnitude;

namespace NasPipeline.Selectors;

/// <summary>Architecture selection methods by manifest name.</summary>
public static class SelectorCatalog
{
    public static readonly PluginCatalog<IArchitectureSelector> Default = new("selector",
    [
        new("magnitude", "argmax of the mixing weights per edge", s => MagnitudeOptions.Read(s), o => new MagnitudeSelector((MagnitudeOptions)o)),
    ]);
}
