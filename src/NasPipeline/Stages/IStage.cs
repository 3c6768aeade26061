using NasPipeline.Training;

namespace NasPipeline.Stages;

/// <summary>Where a running stage writes its files and reports progress.</summary>
public sealed record StageContext(string Directory, IProgressSink Progress, string Label);

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
