using System.Globalization;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>
/// The loops' check that training has not diverged. It reads the loss value the loop has already read for its
/// running mean (one scalar per step, no extra device sync), and once per epoch whether every weight is finite, so
/// a supernet or network whose last update overflowed is never checkpointed or committed.
/// </summary>
public static class Divergence
{
    /// <summary>Throws when <paramref name="loss"/> is NaN or ±∞, e.g.
    /// <c>train darts seed=1: loss is NaN at epoch 3/50 step 17/40 (lr 0.025)</c>.</summary>
    public static void Check(double loss, string task, TrainingStep at, string which = "loss")
    {
        if (double.IsFinite(loss)) return;
        var where = $"epoch {at.Epoch + 1}/{at.Epochs} step {at.Step + 1}/{at.StepsPerEpoch}";
        throw new NonFiniteLossException($"{task}: {which} is {Describe(loss)} at {where} (lr {Lr(at.LearningRate)})");
    }

    /// <summary>
    /// Throws when a parameter holds NaN or ±∞ at the end of epoch <paramref name="epoch"/> (0-based).
    /// </summary>
    public static void CheckWeights(IEnumerable<Tensor> parameters, string task, int epoch, int epochs, double lr)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        if (parameters.All(p => p.isfinite().all().item<bool>())) return;
        throw new NonFiniteLossException(
            $"{task}: weights are NaN or infinite after epoch {epoch + 1}/{epochs} (lr {Lr(lr)}): an update " +
            "overflowed");
    }

    static string Lr(double lr) => lr.ToString("G4", CultureInfo.InvariantCulture);

    static string Describe(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+inf" : "-inf";
}
