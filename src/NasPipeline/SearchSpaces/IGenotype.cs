namespace NasPipeline.SearchSpaces;

/// <summary>
/// A discrete architecture of one space. Its <see cref="object.ToString"/> is the space's canonical string (what
/// <see cref="ISearchSpace.Format"/> returns and <see cref="ISearchSpace.Parse"/> reads): stage keys, artifacts and
/// results.csv hold it, so it must never change for an existing space. Genotypes compare by value
/// (<see cref="object.Equals(object)"/>): selectors collect distinct candidates.
/// </summary>
public interface IGenotype
{
    /// <summary>
    /// Per cell type (the space's order), per edge, the index of the kept operation in that edge's candidates, or −1
    /// where the edge is not part of the architecture (DARTS keeps 2 inputs per node).
    /// </summary>
    IReadOnlyList<IReadOnlyList<int>> Choices { get; }
}
