using NasPipeline.Data;
using NasPipeline.Supernet;

namespace NasPipeline.Selectors;

/// <summary>
/// What a selector may use. The trained supernet and the data are loaded only when a selector asks, so cheap
/// selectors (magnitude, random) never touch weights or images.
/// </summary>
public sealed class SelectionContext(double[][] mixingWeights, int seed, Func<Nb201Supernet> supernet, Func<SearchData> data)
{
    readonly Lazy<Nb201Supernet> _supernet = new(supernet);
    readonly Lazy<SearchData> _data = new(data);

    /// <summary>The trainer's final mixing weights [edges][ops] (what it believes about each op).</summary>
    public double[][] MixingWeights { get; } = mixingWeights;
    public int Seed { get; } = seed;
    public Nb201Supernet Supernet => _supernet.Value;
    public SearchData Data => _data.Value;
}
