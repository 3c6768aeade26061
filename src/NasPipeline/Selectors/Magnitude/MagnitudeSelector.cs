using System.Globalization;
using NasPipeline.SearchSpaces;
using NasPipeline.Trainers;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Selectors.Magnitude;

/// <summary>
/// DARTS's own selection, by the space's rule (<see cref="ISearchSpace.Derive"/>: NB201 keeps the operation with the
/// largest mixing weight on each edge; DARTS first keeps each node's two strongest inputs). When the weights do
/// not single one out, the result says so instead of silently taking op 0; on trainers that never learn α
/// (oneshot, rsws) the pair is not applicable.
/// </summary>
public sealed class MagnitudeSelector(MagnitudeOptions options) : IArchitectureSelector
{
    const double TieTolerance = 1e-9;

    public SelectionReads Reads => SelectionReads.Supernet;

    // With α never trained every op of an edge ties at 1/|ops|; an argmax would pick op 0 (`none`) everywhere.
    public string? NotApplicableTo(ISupernetTrainer trainer) => trainer.LearnsArchitecture ? null :
        "magnitude reads only the learned α, and this trainer keeps α fixed (uniform), so every op ties";

    public SelectionResult Select(SelectionContext context)
    {
        var space = context.Space;
        var genotype = space.Derive(space.Split(context.MixingWeights), options.ExcludeNone);
        var picks = genotype.Choices.SelectMany(c => c).ToArray();
        var tied = new List<string>();
        for (var edge = 0; edge < picks.Length; edge++)
        {
            if (picks[edge] < 0) continue; // an edge the space's rule dropped
            var weights = context.MixingWeights[edge];
            var none = space.Edge(edge).OperationIndex("none");
            var candidates = Enumerable.Range(0, weights.Length).Where(k => !(options.ExcludeNone && k == none));
            var ties = candidates.Count(k => Math.Abs(weights[k] - weights[picks[edge]]) <= TieTolerance);
            if (ties > 1)
                tied.Add(string.Create(CultureInfo.InvariantCulture,
                    $"edge {EdgeLabel(space, edge)} ({ties} ops at {weights[picks[edge]]:G4})"));
        }
        IReadOnlyList<string> notes = tied.Count == 0 ? [] :
        [
            $"magnitude cannot choose on {string.Join(", ", tied)}: the mixing weights tie (α not learned?); " +
            $"it kept the first op in canonical order, giving {genotype}",
        ];
        return new SelectionResult(genotype, notes);
    }

    // NB201's notes name an edge by its number alone, as before the seam; several cell types add the type's name.
    static string EdgeLabel(ISearchSpace space, int edge) =>
        space.CellTypes.Count == 1 ? edge.ToString(CultureInfo.InvariantCulture)
            : $"{space.CellTypes[space.Locate(edge).CellType].Name} {space.Locate(edge).Edge}";
}
