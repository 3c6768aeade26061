using NasPipeline.SearchSpaces;
using static TorchSharp.torch;

namespace NasPipeline.Trainers.Sampling;

/// <summary>Gumbel-softmax relaxations of α (Jang et al.; Maddison et al.), per edge.</summary>
public static class Gumbel
{
    /// <summary>Standard Gumbel noise, −log(−log U), with U kept away from 0 and 1.</summary>
    public static Tensor Noise(long[] shape, Generator? generator = null) =>
        rand(shape, generator: generator).clamp(1e-10, 1 - 1e-10).log().neg().log().neg();

    /// <summary>SNAS: softmax((log softmax(α) + g) / τ) over each edge; every op stays in the forward.</summary>
    public static Tensor Soft(Tensor alpha, double temperature, Generator? generator = null) =>
        nn.functional.softmax(nn.functional.log_softmax(alpha, -1).add(Noise(alpha.shape, generator))
            .div(temperature), -1);

    /// <summary>
    /// GDAS: sample one op per edge by the argmax of the soft sample and pass gradients straight through:
    /// weights = one_hot − soft.detach() + soft, equal to the one-hot in value.
    /// </summary>
    public static CellMixing Hard(Tensor alpha, double temperature, Generator? generator = null)
    {
        var soft = Soft(alpha, temperature, generator);
        var index = soft.argmax(-1);
        var oneHot = nn.functional.one_hot(index, alpha.shape[1]).to(soft.dtype);
        var weights = oneHot.sub(soft.detach()).add(soft);
        return new CellMixing(weights, index.data<long>().Select(i => (int)i).ToArray());
    }
}
