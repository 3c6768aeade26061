using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Trainers.Sampling;

/// <summary>A uniformly random discrete architecture as a one-hot mixing with one active op per edge.</summary>
public static class UniformArchitecture
{
    public static Mixing Sample(Generator? generator = null)
    {
        using var index = randint(0, Nb201Space.OperationCount, [Nb201Space.EdgeCount], generator: generator);
        return Mixing.OneHot(index.data<long>().Select(i => (int)i).ToArray());
    }
}
