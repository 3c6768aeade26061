using NasPipeline.Data;
using static TorchSharp.torch;

namespace NasPipeline.Selectors;

/// <summary>Fixed batches and weight tensors selectors share.</summary>
public static class SelectionBatches
{
    /// <summary>Batch number <paramref name="index"/> of the α half in fixed order (wrapping around).</summary>
    public static (Tensor Images, Tensor Labels) AlphaBatch(SearchData data, int batchSize, int index) =>
        new Batches(data.AlphaHalf, data.Normalization, batchSize, shuffle: false, seed: 0).At(index);

    /// <summary>Mixing weights [stacked edges][ops] as a float32 tensor.</summary>
    public static Tensor Weights(double[][] mixing) =>
        tensor(mixing.SelectMany(r => r).Select(v => (float)v).ToArray(), [mixing.Length, mixing[0].Length]);
}
