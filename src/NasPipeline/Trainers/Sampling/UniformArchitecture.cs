using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Trainers.Sampling;

/// <summary>A uniformly random discrete architecture as a one-hot mixing with one active op per edge.</summary>
public static class UniformArchitecture
{
    public static Mixing Sample(Generator? generator = null)
    {
        var index = randint(0, Nb201Space.OperationCount, [Nb201Space.EdgeCount], generator: generator);
        var weights = nn.functional.one_hot(index, Nb201Space.OperationCount).to(ScalarType.Float32);
        return new Mixing(weights, index.data<long>().Select(i => (int)i).ToArray());
    }
}
