namespace NasPipeline.Stages;

/// <summary>How far a run goes; each target includes the stages before it.</summary>
public enum PipelineTarget
{
    TrainSupernets,
    Select,
    Retrain,
    Evaluate,
    Report,
}
