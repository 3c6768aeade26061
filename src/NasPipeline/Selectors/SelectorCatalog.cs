using NasPipeline.Manifest;
using NasPipeline.Proxies;
using NasPipeline.Selectors.Magnitude;
using NasPipeline.Selectors.Perturbation;
using NasPipeline.Selectors.Random;
using NasPipeline.Selectors.SharedWeights;
using NasPipeline.Selectors.ZeroCost;
using NasPipeline.Selectors.ZeroCostPt;

namespace NasPipeline.Selectors;

/// <summary>
/// Architecture selection methods by manifest name; one <c>zc-&lt;proxy&gt;</c> entry per proxy in <see
/// cref="ProxyCatalog"/>.
/// </summary>
public static class SelectorCatalog
{
    public static readonly PluginCatalog<IArchitectureSelector> Default = new("selector",
    [
        new("magnitude", "argmax of the mixing weights per edge", s => MagnitudeOptions.Read(s),
            o => new MagnitudeSelector((MagnitudeOptions)o)),
        new("pt", "DARTS-PT perturbation-based selection", s => PerturbationOptions.Read(s),
            o => new PerturbationSelector((PerturbationOptions)o)),
        new("zc-pt", "Zero-Cost-PT on an untrained supernet", s => ZeroCostPtOptions.Read(s),
            o => new ZeroCostPtSelector((ZeroCostPtOptions)o)),
        new("shared-weights", "best sampled architecture by shared-weight accuracy", s => SharedWeightsOptions.Read(s),
            o => new SharedWeightsSelector((SharedWeightsOptions)o)),
        new("random", "a seeded uniformly random architecture (control)", s => RandomOptions.Read(s),
            _ => new RandomSelector()),
        .. ProxyCatalog.Default.Names.Select(proxy => new PluginEntry<IArchitectureSelector>(
            $"zc-{proxy}", $"edge-by-edge projection of the trained supernet by {proxy}",
            s => ZeroCostOptions.Read(s, proxy), o => new ZeroCostSelector((ZeroCostOptions)o))),
    ]);
}
