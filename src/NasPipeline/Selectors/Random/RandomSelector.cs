using NasPipeline.SearchSpaces;

namespace NasPipeline.Selectors.Random;

/// <summary>
/// A uniformly random architecture, seeded by the experiment seed: the control every selection study needs.
/// </summary>
public sealed class RandomSelector : IArchitectureSelector
{
    public SelectionReads Reads => SelectionReads.Space;

    public SelectionResult Select(SelectionContext context)
    {
        return new SelectionResult(context.Space.Random(new System.Random(context.Seed)), []);
    }
}
