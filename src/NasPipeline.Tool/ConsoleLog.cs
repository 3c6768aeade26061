using System.Globalization;
using NasPipeline.Graph;
using NasPipeline.Stages;
using NasPipeline.Training;

namespace NasPipeline.Tool;

/// <summary>Prints which nodes ran or were cached, and progress (epoch, loss, ETA) at most every few seconds.</summary>
public sealed class ConsoleLog : IPipelineLog, IProgressSink
{
    static readonly TimeSpan StepInterval = TimeSpan.FromSeconds(10);
    DateTime _lastStep = DateTime.MinValue;

    public void Info(string message) => Console.WriteLine($"  {message}");

    public void Note(string message) => Info(message);

    public void NodeStarted(string label, string key) => Console.WriteLine($"[run   ] {label} ({key[..12]})");

    public void NodeFinished(string label, string key, bool cached, double seconds) =>
        Console.WriteLine(cached
            ? $"[cached] {label} ({key[..12]})"
            : string.Create(CultureInfo.InvariantCulture, $"[ran   ] {label} ({key[..12]}) in {seconds:F1} s"));

    public void NodeFailed(string label, string error, string? log) =>
        Console.WriteLine($"[failed] {label}: {error}{(log is null ? "" : $" (log: {log})")}");

    public void Step(string task, int epoch, int epochs, int step, int steps, double loss, TimeSpan eta)
    {
        if (DateTime.UtcNow - _lastStep < StepInterval) return;
        _lastStep = DateTime.UtcNow;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"         {task}: epoch {epoch}/{epochs} step {step}/{steps} loss {loss:F4} ETA {eta:hh\\:mm\\:ss}"));
    }

    public void Items(string task, int done, int total, TimeSpan eta)
    {
        if (done < total && DateTime.UtcNow - _lastStep < StepInterval) return;
        _lastStep = DateTime.UtcNow;
        Console.WriteLine($"         {task}: {done}/{total} ETA {eta:hh\\:mm\\:ss}");
    }

    public void Epoch(string task, EpochMetrics m, int epochs, TimeSpan eta)
    {
        _lastStep = DateTime.UtcNow;
        var valid = m.ValidAccuracy is { } v ? string.Create(CultureInfo.InvariantCulture, $" valid acc {v:P1}") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"         {task}: epoch {m.Epoch}/{epochs} loss {m.TrainLoss:F4} acc {m.TrainAccuracy:P1}{valid} " +
            $"lr {m.LearningRate:G3} {m.Seconds:F1} s RSS {m.RssBytes / 1048576} MB ETA {eta:hh\\:mm\\:ss}"));
    }
}
