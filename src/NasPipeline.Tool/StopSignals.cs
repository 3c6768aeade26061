using System.Runtime.InteropServices;
using NasPipeline.Checkpoints;

namespace NasPipeline.Tool;

/// <summary>
/// SIGTERM (Slurm's warning before a time limit, preemption, <c>kill</c>) and the first Ctrl-C ask the running node to
/// checkpoint at its next step and exit with <see cref="ExitCodes.Interrupted"/>; a second Ctrl-C kills at once.
/// </summary>
public static class StopSignals
{
    public static readonly StopSignal Stop = new();
    static readonly List<PosixSignalRegistration> Registrations = [];

    public static void Install()
    {
        if (Registrations.Count > 0) return;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
            Registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                if (Stop.Requested && context.Signal == PosixSignal.SIGINT) return; // second Ctrl-C: default, terminate
                context.Cancel = true;
                Stop.Request();
                Console.Error.WriteLine(
                    $"nas: {context.Signal}: stopping at the next step boundary after saving a checkpoint");
            }));
    }
}
