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

/// <summary>
/// Zero-cost proxies by name (the name after <c>zc-</c> in a selector method), on the same catalog as trainers and
/// selectors. Most proxies have no keys of their own; zen and nwot read theirs from the manifest section that names
/// the proxy (e.g. a <c>zc-zen</c> selector's).
/// </summary>
public static class ProxyCatalog
{
    public static readonly PluginCatalog<IProxy> Default = new("proxy",
    [
        Plain("synflow", "synaptic flow: Σ|θ ⊙ ∂R/∂θ| of the linearised network on an all-ones input",
            () => new SynflowProxy()),
        Plain("snip", "connection sensitivity Σ|θ ⊙ ∂L/∂θ|", () => new SnipProxy()),
        Plain("grasp", "gradient signal preservation −θ ⊙ H ∂L/∂θ", () => new GraspProxy()),
        Plain("grad_norm", "Euclidean norm of the loss gradient", () => new GradNormProxy()),
        Plain("fisher", "Fisher information of the activations", () => new FisherProxy()),
        Plain("jacov", "Jacobian covariance over a batch", () => new JacovProxy()),
        new("nwot", "NASWOT: log-determinant of the ReLU code kernel", s => NwotOptions.Read(s),
            o => new NwotProxy(o as NwotOptions ?? NwotOptions.Default)),
        new("zen", "Zen-score: output change under Gaussian input perturbation, BN-rescaled", s => ZenOptions.Read(s),
            o => new ZenProxy(o as ZenOptions ?? ZenOptions.Default)),
        Plain("params", "parameter count of the chosen operations", () => new ParamsProxy()),
        Plain("flops", "FLOPs of the chosen operations", () => new FlopsProxy()),
    ]);

    /// <summary>
    /// The options of a proxy without keys of its own, and the "defaults" request to one with keys; selector
    /// options keep it as null (their stage keys did not change when proxies moved to this catalog).
    /// </summary>
    sealed class NoOptions
    {
        public static readonly NoOptions Value = new();
    }

    static PluginEntry<IProxy> Plain(string name, string summary, Func<IProxy> create) =>
        new(name, summary, _ => NoOptions.Value, _ => create());

    /// <summary>The proxy's own options from <paramref name="section"/>, or null for a proxy that has none.</summary>
    public static object? ReadOptions(string name, TomlSection section)
    {
        var options = Default.Find(name, section.Location).ReadOptions(section);
        return options is NoOptions ? null : options;
    }

    /// <summary>The proxy built with options <see cref="ReadOptions"/> gave (null: its defaults).</summary>
    public static IProxy Create(string name, object? options) =>
        options is null ? Create(name) : Default.Create(name, options);

    /// <summary>The proxy with its default options.</summary>
    public static IProxy Create(string name) =>
        Default.Names.Contains(name) ? Default.Create(name, NoOptions.Value) : throw new ArgumentException(
            $"unknown proxy \"{name}\"; proxies: {string.Join(", ", Default.Names)}", nameof(name));
}
