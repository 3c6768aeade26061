using static TorchSharp.torch;

namespace NasPipeline.Proxies;

/// <summary>
/// Runs a proxy inside a dispose scope and a <see cref="NetworkState"/> guard. <see cref="Score"/> treats NaN or
/// ±∞ as an error, never a sentinel; <see cref="Measure"/> returns them, for callers that decide what a
/// non-finite score means (the zero-cost projection skips NaN as the reference's nanargmin does).
/// </summary>
public static class ProxyRunner
{
    public static double Score(IProxy proxy, ProxyInput input)
    {
        var score = Measure(proxy, input);
        if (!double.IsFinite(score))
            throw new NonFiniteScoreException($"proxy {proxy.Name} gave {score} for this network and batch");
        return score;
    }

    /// <summary>The proxy's value as computed, NaN and ±∞ included.</summary>
    public static double Measure(IProxy proxy, ProxyInput input)
    {
        using (new NetworkState(input.Network))
        using (NewDisposeScope())
            return proxy.Score(input);
    }
}

/// <summary>A proxy produced NaN or ±∞.</summary>
public sealed class NonFiniteScoreException(string message) : InvalidOperationException(message);
