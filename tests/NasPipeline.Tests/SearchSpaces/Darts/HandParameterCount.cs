using NasPipeline.SearchSpaces.Darts;

namespace NasPipeline.Tests.SearchSpaces.Darts;

/// <summary>
/// NetworkCIFAR's parameter count by arithmetic alone, written from the reference's layer shapes (quark0/darts
/// <c>cnn/model.py</c>, <c>cnn/operations.py</c>), never building a module: an independent expected value. Weights
/// of bias-free k×k convolutions are in·out·k² (depthwise: C·k²), an affine BN has 2C, a linear in·out + out.
/// </summary>
public static class HandParameterCount
{
    public static long Of(DartsGenotype genotype, int c, int layers, int classes, int inputChannels = 3)
    {
        long stem = 3 * c;
        var total = inputChannels * 9 * stem + 2 * stem;
        var (prevPrev, prev, current, reductionPrev) = (stem, stem, (long)c, false);
        for (var layer = 0; layer < layers; layer++)
        {
            var reduction = layer == layers / 3 || layer == 2 * layers / 3;
            if (reduction) current *= 2;
            // preprocess0: FactorizedReduce (two 1×1 convs to C/2 + BN) or ReLUConvBN 1×1; preprocess1 ReLUConvBN.
            total += reductionPrev ? 2 * prevPrev * (current / 2) + 2 * current : prevPrev * current + 2 * current;
            total += prev * current + 2 * current;
            var genes = reduction ? genotype.Reduce : genotype.Normal;
            foreach (var (op, input) in genes) total += Op(op, current, reduction && input < 2 ? 2 : 1);
            (prevPrev, prev, reductionPrev) = (prev, (reduction ? genotype.ReduceConcat : genotype.NormalConcat).Count
                * current, reduction);
        }
        return total + prev * classes + classes;
    }

    /// <summary>The auxiliary head's parameters on <paramref name="c"/> channels (cell 2·L // 3's output).</summary>
    public static long AuxiliaryHead(long c, int classes) =>
        c * 128 + 2 * 128 + 128 * 768 * 4 + 2 * 768 + 768 * classes + classes;

    static long Op(string op, long c, int stride) => op switch
    {
        "none" or "max_pool_3x3" or "avg_pool_3x3" => 0,
        "skip_connect" => stride == 1 ? 0 : 2 * c * (c / 2) + 2 * c,
        "sep_conv_3x3" => 2 * (c * 9 + c * c + 2 * c),
        "sep_conv_5x5" => 2 * (c * 25 + c * c + 2 * c),
        "dil_conv_3x3" => c * 9 + c * c + 2 * c,
        "dil_conv_5x5" => c * 25 + c * c + 2 * c,
        _ => throw new ArgumentException(op),
    };
}
