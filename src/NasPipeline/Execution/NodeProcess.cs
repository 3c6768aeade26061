using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NasPipeline.Execution;

/// <summary>A child process running one node, its standard output and error appended to the node's log.</summary>
public sealed partial class NodeProcess : IDisposable
{
    readonly Process _process;
    readonly StreamWriter _log;

    NodeProcess(Process process, StreamWriter log, string path) => (_process, _log, Log) = (process, log, path);

    public string Log { get; }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static NodeProcess Start(IReadOnlyList<string> command, string log)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1)) info.ArgumentList.Add(argument);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Append(writer, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NodeProcess(process, writer, log);
    }

    /// <summary>SIGTERM (the node checkpoints at its next step and exits); on Windows, a hard kill.</summary>
    public void Terminate()
    {
        if (_process.HasExited) return;
        if (OperatingSystem.IsWindows()) _process.Kill();
        else SendSignal(_process.Id, 15);
    }

    public void WaitForExit() => _process.WaitForExit();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.WaitForExit(); // drains the output handlers before the log closes
        lock (_log) _log.Dispose();
        _process.Dispose();
    }

    static void Append(StreamWriter writer, string? line)
    {
        if (line is null) return;
        lock (writer)
            if (writer.BaseStream is not null) writer.WriteLine(line);
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);
}
