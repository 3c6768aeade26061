namespace NasPipeline.Training;

/// <summary>
/// A training loss (or the weights after an epoch) became NaN or infinite: the run diverged. The node stops at that
/// step and commits nothing; checkpoints of earlier epochs stay in its work folder (a rerun of the same key resumes
/// there and, being deterministic, diverges at the same step again; a changed setting is another node).
/// </summary>
public sealed class NonFiniteLossException(string message) : Exception(message);
