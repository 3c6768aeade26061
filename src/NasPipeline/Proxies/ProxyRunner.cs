using static TorchSharp.torch;

namespace NasPipeline.Proxies;

/// <summary>Runs a proxy inside a dispose scope and a <see cref="NetworkState"/> guard; NaN or ±∞ is an error, never a sentinel.</summary>
public static class ProxyRunner
{
    public static double Score(IProxy proxy, ProxyInput input)
    {
        double score;
        using (new NetworkState(input.Network))
        using (NewDisposeScope())
            score = proxy.Score(input);
        if (!double.IsFinite(score))
            throw new NonFiniteScoreException($"proxy {proxy.Name} gave {score} for this network and batch");
        return score;
    }
}

/// <summary>A proxy produced NaN or ±∞.</summary>
public sealed class NonFiniteScoreException(string message) : InvalidOperationException(message);
