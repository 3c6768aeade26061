namespace NasPipeline.Training;

/// <summary>
/// Where a resumable epoch loop goes on: step <paramref name="Step"/> of epoch <paramref name="Epoch"/>, both
/// 0-based; <c>(k, 0)</c> is the end of epoch k.
/// </summary>
public sealed record LoopPosition(int Epoch, int Step)
{
    public static readonly LoopPosition Start = new(0, 0);

    /// <summary>The log line of a resume, e.g. "resuming train darts seed=0 from epoch 6/12".</summary>
    public string Describe(string task, int epochs, int steps) =>
        Epoch >= epochs ? $"resuming {task}: all {epochs} epochs were done before it stopped"
        : Step == 0 ? $"resuming {task} from epoch {Epoch + 1}/{epochs}"
        : Step >= steps ? $"resuming {task} at epoch {Epoch + 1}/{epochs}, after its {steps} steps"
        : $"resuming {task} from epoch {Epoch + 1}/{epochs}, step {Step + 1}/{steps}";
}
