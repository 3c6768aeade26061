using NasPipeline.SearchSpaces.Nb201;

namespace NasPipeline.Selectors;

/// <summary>What a selector returns: the architecture, and anything the report should say about how it was chosen.</summary>
public sealed record SelectionResult(Genotype Genotype, IReadOnlyList<string> Notes);

/// <summary>Picks one discrete architecture from a trained supernet.</summary>
public interface IArchitectureSelector
{
    SelectionResult Select(SelectionContext context);
}
