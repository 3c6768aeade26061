using System.Diagnostics;
using System.Text;
using NasPipeline.Tool;

namespace NasPipeline.Tests.Execution;

/// <summary>A real <c>nas</c> process whose output a test can wait on, then signal or kill.</summary>
public sealed class NasChild : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();

    public NasChild(params string[] arguments)
    {
        var command = NasProcess.Command();
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1).Concat(arguments)) info.ArgumentList.Add(argument);
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public int Id => _process.Id;

    /// <summary>Waits until the output contains <paramref name="text"/>; fails if the process ends first.</summary>
    public void WaitFor(string text, int seconds = 60)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text))
        {
            if (_process.HasExited)
                Assert.Fail($"nas exited ({_process.ExitCode}) before printing \"{text}\":\n{Output}");
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
                Assert.Fail($"no \"{text}\" after {seconds} s:\n{Output}");
            Thread.Sleep(20);
        }
    }

    public void Kill() => _process.Kill();

    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();

    public int Wait(int seconds = 120)
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(seconds)))
            Assert.Fail($"nas still running after {seconds} s:\n{Output}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
