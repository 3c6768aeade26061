using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>The NB201 cell's data flow, shared by the discrete and the supernet cell.</summary>
public static class CellGraph
{
    /// <summary>
    /// Node i = Σ_{j&lt;i} edge(i←j)(node j); returns node 3. Intermediate nodes are left to the caller's dispose
    /// scope because an edge may return its input (skip_connect).
    /// </summary>
    public static Tensor Forward(Tensor input, Func<int, Tensor, Tensor> edge)
    {
        var nodes = new List<Tensor> { input };
        for (var to = 1; to < Nb201Space.Nodes; to++)
        {
            var sum = edge(Nb201Space.EdgeIndex(to, 0), nodes[0]);
            for (var from = 1; from < to; from++)
                sum = sum.add(edge(Nb201Space.EdgeIndex(to, from), nodes[from]));
            nodes.Add(sum);
        }
        return nodes[^1];
    }
}
