using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>
/// The soft-mixing forward of a <see cref="SearchCell"/>, computed per source node instead of per edge. All edges
/// leaving a node read the same input, so per source node there is one ReLU, one 3×3 and one 1×1 convolution for
/// all outgoing edges (their kernels stacked along output channels), one batch norm per kind over the stacked
/// channels (per channel, so exactly the separate norms) whose affine scale is the mixing weight of that edge's op,
/// one average pool, and one broadcast multiply-add each for skip_connect and the pool over all outgoing edges.
/// <c>none</c> is never computed. A small supernet's step is dominated by per-op overhead and memory passes, not by
/// FLOPs; this computes the same function with a fraction of both.
/// The parameters stay those of each edge's own modules (read every forward), so optimisers, checkpoints and
/// selectors see one model; the norms' running statistics are views into one stack per source node and kind
/// (<see cref="NormStack"/>). Module hooks do not fire here: hooked callers (proxies) use the per-op forward.
/// </summary>
sealed class FusedCell : IDisposable
{
    static readonly int Skip = Nb201Space.OperationIndex("skip_connect");
    static readonly int Conv1x1 = Nb201Space.OperationIndex("nor_conv_1x1");
    static readonly int Conv3x3 = Nb201Space.OperationIndex("nor_conv_3x3");
    static readonly int Pool = Nb201Space.OperationIndex("avg_pool_3x3");

    /// <summary>The edges leaving one node, in target order.</summary>
    sealed record SourceNode(int[] Targets, long[] EdgeIndices, MixedOp[] Edges, NormStack Conv3x3, NormStack Conv1x1);

    readonly SourceNode[] _sources;

    public FusedCell(IReadOnlyList<MixedOp> edges)
    {
        _sources = Enumerable.Range(0, Nb201Space.Nodes - 1).Select(from =>
        {
            var targets = Enumerable.Range(from + 1, Nb201Space.Nodes - 1 - from).ToArray();
            var outgoing = targets.Select(to => edges[Nb201Space.EdgeIndex(to, from)]).ToArray();
            return new SourceNode(targets, targets.Select(to => (long)Nb201Space.EdgeIndex(to, from)).ToArray(),
                outgoing, new NormStack(outgoing.Select(e => Unit(e, Conv3x3).Norm).ToArray()),
                new NormStack(outgoing.Select(e => Unit(e, Conv1x1).Norm).ToArray()));
        }).ToArray();
    }

    /// <summary>Whether every norm still holds its views of the stacks.</summary>
    public bool SharesNormStatistics => _sources.All(s => s.Conv3x3.Intact && s.Conv1x1.Intact);

    /// <summary>
    /// Node i = Σ_{j&lt;i} edge(i←j)(node j) for mixing weights [edges, ops]; returns the last node.
    /// </summary>
    public Tensor Forward(Tensor input, Tensor weights)
    {
        // Node sums are kept as [N, H, W, C] (channels innermost), the layout the stacked outputs are split in.
        var sums = new Tensor?[Nb201Space.Nodes];
        var node = input;
        for (var from = 0; from < _sources.Length; from++)
        {
            var source = _sources[from];
            // unbind, not select: its backward stacks the edges' gradients once instead of zero-filling per edge.
            var outputs = FromNode(node, source, weights).unbind(3);
            // Nodes add their incoming edges in source order, as the per-edge cell does.
            for (var k = 0; k < source.Targets.Length; k++)
            {
                var to = source.Targets[k];
                sums[to] = sums[to] is { } sum ? sum.add(outputs[k]) : outputs[k];
            }
            node = sums[from + 1]!.permute(0, 3, 1, 2);
        }
        return node;
    }

    /// <summary>The mixed outputs of the edges leaving one node, [N, H, W, edges, C].</summary>
    static Tensor FromNode(Tensor x, SourceNode source, Tensor weights)
    {
        var (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        var m = source.Edges.Length;
        using var index = tensor(source.EdgeIndices, device: weights.device);
        var rows = weights.index_select(0, index);
        var relu = nn.functional.relu(x);
        var c3 = Convolutions(relu, source, Conv3x3, source.Conv3x3, rows, padding: 1);
        var c1 = Convolutions(relu, source, Conv1x1, source.Conv1x1, rows, padding: 0);
        var mixed = c3.add(c1).permute(0, 2, 3, 1).reshape(n, h, w, m, c);
        var channelsLast = x.permute(0, 2, 3, 1).unsqueeze(3);
        var pooled = AveragePool3x3.Apply(x).permute(0, 2, 3, 1).unsqueeze(3);
        return mixed.addcmul(channelsLast, rows.select(1, Skip).view(m, 1), 1)
            .addcmul(pooled, rows.select(1, Pool).view(m, 1), 1);
    }

    /// <summary>
    /// One ReLUConvBN kind for every outgoing edge at once: kernels stacked along output channels, one convolution,
    /// one batch norm whose scale per channel is that edge's mixing weight for the op (BN(y)·w, as the per-edge sum
    /// has it).
    /// </summary>
    static Tensor Convolutions(Tensor relu, SourceNode source, int op, NormStack norms, Tensor rows, int padding)
    {
        var units = source.Edges.Select(e => Unit(e, op)).ToArray();
        var kernels = Stacked(units.Select(u => (Tensor)u.Conv.weight!).ToArray());
        var biases = Stacked(units.Select(u => (Tensor)u.Conv.bias!).ToArray());
        var convolved = nn.functional.conv2d(relu, kernels, biases, padding: [padding, padding]);
        var channels = relu.shape[1];
        // contiguous: for one edge the reshape is a stride-0 view, which libtorch's channels-last batch-norm backward
        // reads as if it were dense (past its one element: garbage, NaN gradients).
        var scale = rows.select(1, op).unsqueeze(1).expand(units.Length, channels).reshape(units.Length * channels)
            .contiguous();
        return norms.Normalise(convolved, scale);
    }

    /// <summary>The edges' tensors concatenated along their first dimension (one edge: the tensor itself).</summary>
    static Tensor Stacked(Tensor[] parts) => parts.Length == 1 ? parts[0] : cat(parts, 0);

    static ReLUConvBN Unit(MixedOp edge, int op) => (ReLUConvBN)edge.Operations[op];

    public void Dispose()
    {
        foreach (var source in _sources)
        {
            source.Conv3x3.Dispose();
            source.Conv1x1.Dispose();
        }
    }
}
