using static TorchSharp.torch;

namespace NasPipeline.Data;

/// <summary>
/// Batches taken one at a time, epoch after epoch (a new order each epoch when shuffling), for selectors that draw a
/// fixed number of batches wherever an epoch ends: Zero-Cost-PT's fresh batch per edge decision, RS-WS's screening
/// stream (the reference's <c>valid_iter</c>). The caller owns and disposes each batch it takes.
/// </summary>
public sealed class BatchStream(Batches batches, string whenEmpty) : IDisposable
{
    readonly IEnumerator<(Tensor Images, Tensor Labels)> _batches = Endless(batches).GetEnumerator();

    /// <summary>The next batch; throws <c>whenEmpty</c> when there are no images at all.</summary>
    public (Tensor Images, Tensor Labels) Next() =>
        _batches.MoveNext() ? _batches.Current : throw new InvalidOperationException(whenEmpty);

    public void Dispose() => _batches.Dispose();

    static IEnumerable<(Tensor Images, Tensor Labels)> Endless(Batches batches)
    {
        if (batches.Count == 0) yield break;
        while (true)
            foreach (var batch in batches.Epoch())
                yield return batch;
    }
}
