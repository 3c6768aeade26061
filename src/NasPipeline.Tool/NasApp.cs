using System.CommandLine;
using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.Tool.Commands;
using NasPipeline.Training;

namespace NasPipeline.Tool;

/// <summary>The <c>nas</c> command line; an entry point tests can call in-process.</summary>
public static class NasApp
{
    public static int Run(string[] args)
    {
        NasPipeline.Training.Memory.KeepFreedMemory();
        var root = new RootCommand("nas: train NAS supernets, select architectures from them, retrain and report " +
            "(NasPipeline)");
        foreach (var command in StageCommands.All()) root.Subcommands.Add(command);
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(RunNodeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(CleanCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(GcCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ParamsCommand.Create());
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        return Guard(() => root.Parse(args).Invoke(configuration));
    }

    /// <summary>
    /// Runs a command and turns what it throws into an exit code: a manifest error (2) and the expected faults
    /// print their own one line; anything unexpected prints one line naming it and the log with its stack trace
    /// (<see cref="CrashLog"/>), exit 1. No exception leaves <c>nas</c>.
    /// </summary>
    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ManifestException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadManifest;
        }
        catch (DataException e)
        {
            Console.Error.WriteLine($"nas: data: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (NodeInterruptedException e)
        {
            Console.Error.WriteLine($"nas: {e.Message}");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is DeviceUnavailableException or NonFiniteLossException)
        {
            Console.Error.WriteLine($"nas: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException)
        {
            // Mostly the commands' own checks of their options; a log all the same, as a library may throw these.
            Console.Error.WriteLine($"nas: {FirstLine(e.Message)}{LogNote(e)}");
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            Crashed(e);
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// One line for an unexpected error, on standard error: the type, the first line of the message (libtorch's
    /// messages go on with its C++ frames) and the log. The reason is the last line printed, so the tail of a
    /// node's log says what went wrong.
    /// </summary>
    public static void Crashed(Exception e) =>
        Console.Error.WriteLine($"nas: error: {e.GetType().Name}: {FirstLine(e.Message)}{LogNote(e)}");

    static string LogNote(Exception e) => CrashLog.Write(e) is { } log
        ? $" (stack trace: {log})"
        : $"{Environment.NewLine}{e}{Environment.NewLine}nas: error: no folder to write a log to; stack trace above";

    static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].TrimEnd('\r');
        return line.Length == 0 ? "(no message)" : line;
    }
}
