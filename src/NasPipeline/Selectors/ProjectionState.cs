using static TorchSharp.torch;

namespace NasPipeline.Selectors;

/// <summary>
/// How far an <see cref="EdgeProjection"/> has got: the op picked on each decided edge, which edges are decided, and
/// the mixing weights it goes on with (decided rows one-hot). A resumed projection starts from one.
/// </summary>
public sealed record ProjectionState(int[] Picks, bool[] Done, Tensor Current)
{
    public int Decided => Done.Count(d => d);
}
