using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces;

/// <summary>
/// A cell search space: what trainers, selectors, stages and artifacts know of it. Everything space-specific lives
/// behind this (its operations, cell types and α shapes, its genotype format, how an architecture is derived from
/// mixing weights, its networks), so adding a space is adding a folder under <c>SearchSpaces/</c> and a line in
/// <see cref="SearchSpaceCatalog"/>.
/// </summary>
public interface ISearchSpace
{
    /// <summary>The manifest name (<c>[search_space] name</c>).</summary>
    string Name { get; }

    /// <summary>
    /// The manifest key of the space's depth (<see cref="NetworkShape.Depth"/>) and its default: NB201
    /// <c>cells_per_stage</c> (N = 5), DARTS <c>layers</c> (8, its search network).
    /// </summary>
    (string Key, int Default) Depth { get; }

    /// <summary>The cell types in α order; every per-cell-type list (α, mixings, choices) follows it.</summary>
    IReadOnlyList<CellType> CellTypes { get; }

    /// <summary>Reads a canonical genotype string; throws <see cref="FormatException"/> saying what is wrong.</summary>
    IGenotype Parse(string text);

    /// <summary>The canonical string of <paramref name="genotype"/> (equal to its ToString()).</summary>
    string Format(IGenotype genotype) => genotype.ToString()!;

    /// <summary>
    /// The genotype of per-cell-type, per-edge choices (−1: edge dropped); throws <see cref="FormatException"/>
    /// when they break the space's rules (e.g. not 2 inputs per DARTS node).
    /// </summary>
    IGenotype FromChoices(IReadOnlyList<IReadOnlyList<int>> choices);

    /// <summary>
    /// The space's own selection rule from mixing weights [edges][ops] per cell type (DARTS's <c>genotype()</c>):
    /// NB201 takes the argmax per edge; DARTS keeps each node's 2 strongest inputs and their best non-none op.
    /// <paramref name="excludeNone"/>: never keep <c>none</c>.
    /// </summary>
    IGenotype Derive(IReadOnlyList<double[][]> weights, bool excludeNone);

    /// <summary>A uniformly random architecture drawn from <paramref name="random"/>.</summary>
    IGenotype Random(System.Random random);

    /// <summary>A freshly initialised supernet (α near zero) of the given shape.</summary>
    ISupernet CreateSupernet(NetworkShape shape);

    /// <summary>The discrete network of <paramref name="genotype"/> for retraining and proxies.</summary>
    nn.Module<Tensor, Tensor> CreateNetwork(IGenotype genotype, NetworkShape shape);

    /// <summary>
    /// Whether <see cref="CreateNetwork(IGenotype, NetworkShape, NetworkOptions)"/> can add an auxiliary head (the
    /// network is then an <see cref="IAuxiliaryHeadNetwork"/>); the manifest rejects an auxiliary loss otherwise.
    /// </summary>
    bool HasAuxiliaryHead => false;

    /// <summary>
    /// Whether the space's networks drop paths in training (<see cref="IDropPathNetwork"/>); the manifest rejects a
    /// drop-path probability otherwise.
    /// </summary>
    bool HasDropPath => false;

    /// <summary>
    /// The discrete network of <paramref name="genotype"/> with <paramref name="options"/>; a space without an
    /// auxiliary head (<see cref="HasAuxiliaryHead"/>) builds only the plain network.
    /// </summary>
    nn.Module<Tensor, Tensor> CreateNetwork(IGenotype genotype, NetworkShape shape, NetworkOptions options) =>
        options.AuxiliaryHead
            ? throw new NotSupportedException($"the {Name} space's networks have no auxiliary head")
            : CreateNetwork(genotype, shape);

    /// <summary>
    /// Parameters of a network <see cref="CreateNetwork(IGenotype, NetworkShape, NetworkOptions)"/> built, as the
    /// space's papers count them (DARTS leaves out its auxiliary head).
    /// </summary>
    long ParameterCount(nn.Module network) => network.parameters().Sum(p => p.numel());

    /// <summary>
    /// Splits mixing-weight rows stacked over cell types (the artifact format: the cell types' rows in order) into
    /// one [edges][ops] block per cell type.
    /// </summary>
    IReadOnlyList<double[][]> Split(double[][] stacked)
    {
        var expected = CellTypes.Sum(c => c.EdgeCount);
        if (stacked.Length != expected)
            throw new FormatException($"{Name} mixing weights have {expected} rows, got {stacked.Length}");
        var blocks = new List<double[][]>();
        var offset = 0;
        foreach (var cellType in CellTypes)
        {
            blocks.Add(stacked[offset..(offset + cellType.EdgeCount)]);
            offset += cellType.EdgeCount;
        }
        return blocks;
    }
}
