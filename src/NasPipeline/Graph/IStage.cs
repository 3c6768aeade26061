using NasPipeline.Checkpoints;
using NasPipeline.Training;

namespace NasPipeline.Graph;

/// <summary>
/// Where a running stage writes its files (<paramref name="Directory"/>, renamed into place when it finishes),
/// reports progress, keeps checkpoints (<paramref name="WorkDirectory"/>: beside the node, survives a kill, removed
/// when the node is committed) and learns that it should stop early (<paramref name="Stop"/>).
/// </summary>
public sealed record StageContext(
    string Directory, IProgressSink Progress, string Label, string WorkDirectory, StopSignal Stop);

/// <summary>
/// A node of the study graph: a function of <see cref="Inputs"/> (and upstream artifacts, named in the inputs by
/// their keys) that writes files into its folder and returns an artifact record.
/// </summary>
public interface IStage<out TArtifact>
{
    /// <summary>Stage name; also the cache folder (train, select, retrain, evaluate, report).</summary>
    string Name { get; }

    /// <summary>Bumped when the stage's output for the same inputs changes, so old nodes stop matching.</summary>
    int Version { get; }

    /// <summary>How logs and plans name this node, e.g. "train darts seed=0".</summary>
    string Label { get; }

    /// <summary>Exactly what the node reads, hashed into its key.</summary>
    object Inputs { get; }

    TArtifact Run(StageContext context);
}
