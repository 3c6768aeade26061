using static TorchSharp.torch;

namespace NasPipeline.Evaluation;

/// <summary>Sample-weighted loss and accuracy over the batches of an epoch.</summary>
public sealed class RunningMean
{
    double _loss, _correct;
    long _count;

    /// <summary>The sums behind the means, so a checkpoint taken mid-epoch continues them exactly.</summary>
    public sealed record Sums(double Loss, double Correct, long Count);

    public RunningMean() { }

    public RunningMean(Sums sums) => (_loss, _correct, _count) = (sums.Loss, sums.Correct, sums.Count);

    public Sums Totals => new(_loss, _correct, _count);

    public double Loss => _count == 0 ? double.NaN : _loss / _count;
    public double Accuracy => _count == 0 ? double.NaN : _correct / _count;

    /// <summary>The last batch's loss, or null before the first (the loops check it is finite).</summary>
    public double? Last { get; private set; }

    /// <returns>The batch's loss (read once here: the loops' only device sync for it).</returns>
    public double Add(Tensor loss, Tensor logits, Tensor labels)
    {
        var n = labels.shape[0];
        var value = loss.item<float>();
        Last = value;
        _loss += value * n;
        using var predicted = logits.argmax(1);
        using var hits = predicted.eq(labels).sum();
        _correct += hits.item<long>();
        _count += n;
        return value;
    }
}
