using NasPipeline.Manifest;
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

    /// <summary>
    /// Proxies with keys of their own, read from the manifest section that names the proxy (e.g. a
    /// <c>zc-zen</c> selector's); the others have none.
    /// </summary>
    static readonly IReadOnlyDictionary<string, (Func<TomlSection, object> Read, Func<object, IProxy> Create)>
        Configured = new Dictionary<string, (Func<TomlSection, object>, Func<object, IProxy>)>
        {
            ["zen"] = (s => ZenOptions.Read(s), o => new ZenProxy((ZenOptions)o)),
            ["nwot"] = (s => NwotOptions.Read(s), o => new NwotProxy((NwotOptions)o)),
        };

    /// <summary>The proxy's own options from <paramref name="section"/>, or null for a proxy that has none.</summary>
    public static object? ReadOptions(string name, TomlSection section) =>
        Configured.TryGetValue(name, out var c) ? c.Read(section) : null;

    /// <summary>The proxy built with options <see cref="ReadOptions"/> gave (null: its defaults).</summary>
    public static IProxy Create(string name, object? options) =>
        options is not null && Configured.TryGetValue(name, out var c) ? c.Create(options) : Create(name);

    public static IProxy Create(string name) =>
        Default.TryGetValue(name, out var create) ? create() : throw new ArgumentException(
            $"unknown proxy \"{name}\"; proxies: {string.Join(", ", Default.Keys)}", nameof(name));
}
