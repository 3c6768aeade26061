using NasPipeline.Proxies.Fisher;
using NasPipeline.Proxies.Flops;
using NasPipeline.Proxies.GradNorm;
using NasPipeline.Proxies.Grasp;
using NasPipeline.Proxies.Jacov;
using NasPipeline.Proxies.Nwot;
using NasPipeline.Proxies.Params;
using NasPipeline.Proxies.Snip;
using NasPipeline.Proxies.Synflow;
using NasPipeline.Proxies.Zen;

namespace NasPipeline.Proxies;

/// <summary>Zero-cost proxies by name (the name after <c>zc-</c> in a selector method).</summary>
public static class ProxyCatalog
{
    public static readonly IReadOnlyDictionary<string, Func<IProxy>> Default = new Dictionary<string, Func<IProxy>>
    {
        ["synflow"] = () => new SynflowProxy(),
        ["snip"] = () => new SnipProxy(),
        ["grasp"] = () => new GraspProxy(),
        ["grad_norm"] = () => new GradNormProxy(),
        ["fisher"] = () => new FisherProxy(),
        ["jacov"] = () => new JacovProxy(),
        ["nwot"] = () => new NwotProxy(),
        ["zen"] = () => new ZenProxy(),
        ["params"] = () => new ParamsProxy(),
        ["flops"] = () => new FlopsProxy(),
    };

    public static IProxy Create(string name) =>
        Default.TryGetValue(name, out var create) ? create() : throw new ArgumentException(
            $"unknown proxy \"{name}\"; proxies: {string.Join(", ", Default.Keys)}", nameof(name));
}
