using NasPipeline.Checkpoints;
using NasPipeline.Training;

namespace NasPipeline.Tests.Checkpoints;

/// <summary>
/// A progress sink that raises a stop the way SIGTERM would, at a chosen point: after the Nth step, after the Nth
/// epoch, or once N items (PT's edge decisions) are done; it also keeps the notes and the epochs it saw.
/// </summary>
public sealed class StopAt(int? steps = null, int? epochs = null, int? items = null) : IProgressSink
{
    int _steps, _epochs;

    public StopSignal Signal { get; } = new();
    public List<string> Notes { get; } = [];

    /// <summary>Every epoch reported, without time and memory (which differ between any two runs).</summary>
    public List<EpochMetrics> Epochs { get; } = [];

    public static StopAt Never() => new();

    public void Step(string task, int epoch, int epochs, int step, int steps1, double loss, TimeSpan eta)
    {
        if (++_steps == steps) Signal.Request();
    }

    public void Epoch(string task, EpochMetrics metrics, int epochs1, TimeSpan eta)
    {
        Epochs.Add(metrics with { Seconds = 0, RssBytes = 0 });
        if (++_epochs == epochs) Signal.Request();
    }

    public void Items(string task, int done, int total, TimeSpan eta)
    {
        if (done == items) Signal.Request();
    }

    public void Note(string message) => Notes.Add(message);
}
