namespace NasPipeline.Training;

/// <summary>Where long work reports where it is; the CLI prints it, tests ignore it.</summary>
public interface IProgressSink
{
    void Step(string task, int epoch, int epochs, int step, int steps, double loss, TimeSpan eta);
    void Epoch(string task, EpochMetrics metrics, int epochs, TimeSpan eta);

    /// <summary>Work counted in items rather than epochs (architectures scored, networks built).</summary>
    void Items(string task, int done, int total, TimeSpan eta) { }

    /// <summary>A one-off line worth logging, e.g. that a node resumes from a checkpoint.</summary>
    void Note(string message) { }
}

/// <summary>Discards progress.</summary>
public sealed class NullProgress : IProgressSink
{
    public static readonly NullProgress Instance = new();
    public void Step(string task, int epoch, int epochs, int step, int steps, double loss, TimeSpan eta) { }
    public void Epoch(string task, EpochMetrics metrics, int epochs, TimeSpan eta) { }
}
