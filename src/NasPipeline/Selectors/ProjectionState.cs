using static TorchSharp.torch;

namespace NasPipeline.Selectors;

/// <summary>
/// How far an <see cref="EdgeProjection"/> has got: per stacked edge the op picked (−1: a node decision dropped the
/// edge), which edges are decided (op picked or dropped), and the mixing weights it goes on with (decided rows
/// one-hot, dropped rows 0). A resumed projection starts from one.
/// </summary>
public sealed record ProjectionState(int[] Picks, bool[] Done, Tensor Current)
{
    /// <summary>Edges decided (an op picked or dropped).</summary>
    public int Decided => Done.Count(d => d);
}
