using System.ComponentModel;
using System.Diagnostics;

namespace NasPipeline.Execution.Slurm;

/// <summary>What a Slurm command printed and returned.</summary>
sealed record SlurmCommandResult(int ExitCode, string StdOut, string StdErr);

/// <summary>
/// Runs one Slurm command with an argument list (never a shell line) and a time limit: a client whose controller is
/// gone retries for a minute or more, which must not hang a caller.
/// </summary>
sealed class SlurmCommand(string? configPath, TimeSpan timeout)
{
    public SlurmCommandResult Run(string program, IEnumerable<string> arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (configPath is not null) start.Environment["SLURM_CONF"] = configPath;

        Process process;
        try { process = Process.Start(start)!; }
        catch (Win32Exception e)
        {
            throw new SlurmException($"{program}: cannot run it ({e.Message}); is Slurm on PATH?");
        }
        using (process)
        {
            // Both streams are drained while the command runs, so a full pipe cannot stall it.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new SlurmException(
                    $"{program} did not finish within {timeout.TotalSeconds:0} s (is the controller down?)");
            }
            return new SlurmCommandResult(process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
