using NasPipeline.SearchSpaces.Nb201;

namespace NasPipeline.Selectors.Random;

/// <summary>A uniformly random architecture, seeded by the experiment seed: the control every selection study needs.</summary>
public sealed class RandomSelector : IArchitectureSelector
{
    public SelectionResult Select(SelectionContext context)
    {
        var random = new System.Random(context.Seed);
        var genotype = Genotype.FromIndices(Enumerable.Range(0, Nb201Space.EdgeCount).Select(_ => random.Next(Nb201Space.OperationCount)));
        return new SelectionResult(genotype, []);
    }
}
