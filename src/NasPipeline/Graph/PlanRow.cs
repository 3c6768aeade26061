namespace NasPipeline.Graph;

/// <summary>One line of <c>nas plan</c>.</summary>
public sealed record PlanRow(string Stage, string Label, string? Key, string Status)
{
    public static PlanRow For<T>(IStage<T> stage, string key, bool cached) => new(stage.Name, stage.Label, key, cached ? "cached" : "will run");

    public static PlanRow Pending(string stage, string label) => new(stage, label, null, "will run (after upstream)");
}
