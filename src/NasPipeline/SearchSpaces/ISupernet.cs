using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces;

/// <summary>
/// A space's weight-sharing supernet as trainers, selectors and proxies see it: one α per cell type, a forward
/// under an explicit <see cref="Mixing"/> (weights per cell type, optionally the one active op per edge), edges
/// held fixed for projection, and uniform sampling of one discrete architecture. It does not decide how α becomes
/// mixing weights: trainers do.
/// </summary>
public interface ISupernet : IDisposable
{
    ISearchSpace Space { get; }

    /// <summary>The supernet as a module (x → logits under softmax(α)): train/eval mode, save/load, hooks.</summary>
    nn.Module<Tensor, Tensor> Module { get; }

    /// <summary>Architecture parameters, one [edges, ops] per cell type in the space's order.</summary>
    IReadOnlyList<Parameter> Alphas { get; }

    /// <summary>Everything but α: the shared operation weights a weight optimiser trains.</summary>
    IEnumerable<Parameter> WeightParameters();

    /// <summary>
    /// Runs the supernet under <paramref name="mixing"/>. <paramref name="fuse"/> false: every op module is called
    /// (hooks and proxies need it); true: a space may compute the same numbers faster.
    /// </summary>
    Tensor Forward(Tensor input, Mixing mixing, bool fuse = true);

    /// <summary>
    /// Per cell type, edges held at one op (−1: free) in every forward whatever mixing it is given, or null
    /// (DARTS-PT's projected network; the removal masks of the projections). Not module state: checkpoints do not
    /// hold it.
    /// </summary>
    int[][]? FixedOps { get; set; }

    /// <summary>A uniformly random discrete architecture as a one-hot mixing whose sampled ops alone run.</summary>
    Mixing SampleArchitecture(Generator? generator = null);

    /// <summary>
    /// The modules of operation <paramref name="operation"/> on edge <paramref name="edge"/> in every cell of
    /// cell type <paramref name="cellType"/> (proxies leave out the ops a mixing does not use).
    /// </summary>
    IEnumerable<nn.Module> Operations(int cellType, int edge, int operation);

    /// <summary>A float64 copy with the same parameters and buffers (for proxies that need double precision).</summary>
    ISupernet Float64Copy();

    /// <summary>The DARTS relaxation per cell type: softmax over each edge's α.</summary>
    IReadOnlyList<Tensor> SoftmaxWeights() => Alphas.Select(a => nn.functional.softmax(a, -1)).ToList();
}
