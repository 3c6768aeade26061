namespace NasPipeline.Execution.Slurm;

/// <summary>A Slurm command failed or could not run; the message carries its stderr.</summary>
public sealed class SlurmException(string message) : Exception(message);
