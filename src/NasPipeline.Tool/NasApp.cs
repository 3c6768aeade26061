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
        var root = new RootCommand("nas: train NAS supernets, select architectures from them, retrain and report (NasPipeline)");
        foreach (var command in StageCommands.All()) root.Subcommands.Add(command);
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(RunNodeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(CleanCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(GcCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(Nb201ParamsCommand.Create());
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
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
        catch (Exception e) when (e is DeviceUnavailableException or ArgumentException or KeyNotFoundException)
        {
            Console.Error.WriteLine($"nas: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            // The stack first and the one-line reason last, so the tail of a node's log says what went wrong.
            Console.Error.WriteLine(e);
            Console.Error.WriteLine($"nas: error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
