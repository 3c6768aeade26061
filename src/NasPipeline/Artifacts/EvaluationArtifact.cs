namespace NasPipeline.Artifacts;

/// <summary>One cell of the study grid: a (trainer, selector, seed) with its outcome and the time each stage took.</summary>
public sealed record EvaluationArtifact(
    string Trainer, string TrainerMethod, string Selector, string SelectorMethod, int Seed, string Genotype,
    double TestAccuracy, long Parameters, double TrainSeconds, double SelectSeconds, double RetrainSeconds,
    IReadOnlyList<string> Notes);
