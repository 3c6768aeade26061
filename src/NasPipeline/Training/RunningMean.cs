using static TorchSharp.torch;

namespace NasPipeline.Training;

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

    public void Add(Tensor loss, Tensor logits, Tensor labels)
    {
        var n = labels.shape[0];
        _loss += loss.item<float>() * n;
        using var predicted = logits.argmax(1);
        using var hits = predicted.eq(labels).sum();
        _correct += hits.item<long>();
        _count += n;
    }
}
