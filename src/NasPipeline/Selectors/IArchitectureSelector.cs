using NasPipeline.SearchSpaces;
using NasPipeline.Trainers;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Selectors;

/// <summary>
/// What a selector returns: the architecture, and anything the report should say about how it was chosen.
/// </summary>
public sealed record SelectionResult(IGenotype Genotype, IReadOnlyList<string> Notes);

/// <summary>What a selector reads besides its options and the seed; a select node is keyed by exactly that.</summary>
[Flags]
public enum SelectionReads
{
    /// <summary>Nothing but the search space (the random control).</summary>
    Space = 0,

    /// <summary>The trained supernet (its weights or mixing weights): one select node per trainer.</summary>
    Supernet = 1,

    /// <summary>The data set's images.</summary>
    Data = 2,
}

/// <summary>Picks one discrete architecture from a trained supernet.</summary>
public interface IArchitectureSelector
{
    /// <summary>
    /// What <see cref="Select"/> reads. A selector that never reads the trained supernet (Zero-Cost-PT, random) gets
    /// one node per seed, shared by every trainer of the grid.
    /// </summary>
    SelectionReads Reads => SelectionReads.Supernet | SelectionReads.Data;

    /// <summary>
    /// Why this selector cannot choose from supernets trained by <paramref name="trainer"/>, or null when it can. A
    /// pair that is not applicable gets no select node and is reported as n/a with this reason, never as a result.
    /// </summary>
    string? NotApplicableTo(ISupernetTrainer trainer) => null;

    SelectionResult Select(SelectionContext context);
}
