using System.Globalization;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Trainers;

namespace NasPipeline.Selectors.Magnitude;

/// <summary>
/// DARTS's own selection: on each edge keep the operation with the largest mixing weight. When the weights do
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
        var none = Nb201Space.OperationIndex("none");
        var picks = new int[Nb201Space.EdgeCount];
        var tied = new List<string>();
        for (var edge = 0; edge < picks.Length; edge++)
        {
            var weights = context.MixingWeights[edge];
            var candidates = Enumerable.Range(0, weights.Length).Where(k => !(options.ExcludeNone && k == none)).ToList();
            var best = candidates.MaxBy(k => weights[k]);
            var ties = candidates.Count(k => Math.Abs(weights[k] - weights[best]) <= TieTolerance);
            if (ties > 1)
                tied.Add(string.Create(CultureInfo.InvariantCulture, $"edge {edge} ({ties} ops at {weights[best]:G4})"));
            picks[edge] = best;
        }
        var genotype = Genotype.FromIndices(picks);
        IReadOnlyList<string> notes = tied.Count == 0 ? [] :
        [
            $"magnitude cannot choose on {string.Join(", ", tied)}: the mixing weights tie (α not learned?); " +
            $"it kept the first op in canonical order, giving {genotype}",
        ];
        return new SelectionResult(genotype, notes);
    }
}
